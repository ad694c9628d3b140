package io.switchboard.server.agents.workers;

/**
 * What a worker registered as (LiveKit's RegisterWorkerRequest).
 *
 * @param agentName the agent it runs; empty for LiveKit's automatic dispatch (a job in every new room without explicit agents)
 * @param publisherJobs the worker asked for JT_PUBLISHER jobs, which are not offered here (it gets none)
 */
record WorkerRegistration(String agentName, String namespace, String version, boolean publisherJobs) {}
