/**
 * Where a job is defined and run. A {@code StreamExecutionEnvironment} records the job as the API
 * is called and, on {@code execute()}, builds the job graph and runs it inside this JVM. Running
 * consumes the definition: an environment runs each job it defines once.
 */
package dev.sluice.streaming.api.environment;
