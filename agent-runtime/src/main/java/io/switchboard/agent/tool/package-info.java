/**
 * Function tools: {@code @FunctionTool} methods found by reflection, their argument JSON schema
 * derived from the signature (primitives, String, enums, records, lists, maps, Optional), and
 * invocation with the model's JSON arguments (Jackson stays inside this package). A tool that
 * returns an {@code Agent} or a {@link io.switchboard.agent.tool.Handoff} hands the call over.
 */
package io.switchboard.agent.tool;
