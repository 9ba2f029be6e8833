package dev.sluice.examples.usecases;

import dev.sluice.api.common.JobExecutionResult;
import dev.sluice.examples.usecases.anomaly.AnomalyDetection;
import dev.sluice.examples.usecases.enrichment.ClickEnrichment;
import dev.sluice.examples.usecases.fraud.FraudDetection;
import dev.sluice.examples.usecases.iot.IotMonitoring;
import dev.sluice.examples.usecases.sales.SalesAggregation;
import dev.sluice.examples.usecases.sessions.SessionAnalysis;
import dev.sluice.streaming.api.environment.StreamExecutionEnvironment;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * The runnable use-case examples, by name (what {@code sluice example NAME} runs). To add one,
 * write a class with a {@code define(env, options)} method and add a line here.
 */
public enum Examples {
  ANOMALY("anomaly", AnomalyDetection.JOB_NAME,
      "Server metrics -> per-server moving-average baseline -> alerts on values outside the band",
      AnomalyDetection::define),
  FRAUD("fraud", FraudDetection.JOB_NAME,
      "Card transactions -> alerts when a card is used in 2+ locations within 60 s",
      FraudDetection::define),
  IOT("iot", IotMonitoring.JOB_NAME,
      "Sensor readings -> one alert per episode above the threshold for 10+ s; late readings counted",
      IotMonitoring::define),
  ENRICHMENT("enrichment", ClickEnrichment.JOB_NAME,
      "Clicks joined with the user profile valid at the click's event time; late data reported",
      ClickEnrichment::define),
  SALES("sales", SalesAggregation.JOB_NAME,
      "Sales -> total per category in 5-min event-time windows; late updates re-emitted, too-late sales reported",
      SalesAggregation::define),
  SESSIONS("sessions", SessionAnalysis.JOB_NAME,
      "Clickstream -> user sessions closed by 30 min of inactivity: duration, page views, distinct pages",
      SessionAnalysis::define);

  private final String exampleName;
  private final String jobName;
  private final String description;
  private final BiConsumer<StreamExecutionEnvironment, ExampleOptions> definition;

  Examples(String exampleName, String jobName, String description,
      BiConsumer<StreamExecutionEnvironment, ExampleOptions> definition) {
    this.exampleName = exampleName;
    this.jobName = jobName;
    this.description = description;
    this.definition = definition;
  }

  /** The name on the command line, e.g. {@code fraud}. */
  public String exampleName() {
    return exampleName;
  }

  /** The name of the job it runs. */
  public String jobName() {
    return jobName;
  }

  /** One line about what it does. */
  public String description() {
    return description;
  }

  /** Adds the example's job (generated input, processing, a printing sink) to {@code env}. */
  public void define(StreamExecutionEnvironment env, ExampleOptions options) {
    definition.accept(env, options);
  }

  /** Adds the example's job to {@code env} and runs it to its end (or until cancelled). */
  public JobExecutionResult run(StreamExecutionEnvironment env, ExampleOptions options) throws Exception {
    define(env, options);
    return env.execute(jobName);
  }

  /** The example called {@code name} (case-insensitive). */
  public static Optional<Examples> byName(String name) {
    String wanted = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(e -> e.exampleName.equals(wanted)).findFirst();
  }
}
