/**
 * LiveKit access tokens: {@link io.switchboard.protocol.auth.TokenVerifier} checks them as
 * LiveKit's server does, {@link io.switchboard.protocol.auth.TokenIssuer} mints them with
 * LiveKit's claim names, {@link io.switchboard.protocol.auth.ClaimGrants} is what they grant.
 * java-jwt types stay inside this package.
 */
package io.switchboard.protocol.auth;
