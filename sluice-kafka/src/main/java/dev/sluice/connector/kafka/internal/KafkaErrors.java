package dev.sluice.connector.kafka.internal;

import java.util.Collection;
import java.util.Properties;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.ClusterAuthorizationException;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.TransactionalIdAuthorizationException;

/**
 * Security failures from the Kafka clients, explained: which broker refused what, and what to
 * check. The client's own messages ("Topic authorization failed.") name neither.
 */
public final class KafkaErrors {
  private KafkaErrors() {}

  /**
   * An exception that explains {@code e} if it (or a cause) is an authentication or authorization
   * failure, else null. {@code topics} are the topics the client was working on.
   */
  public static IllegalStateException explainSecurity(Throwable e, String servers, Properties config,
      Collection<String> topics) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof AuthenticationException) {
        return new IllegalStateException("Kafka at " + servers + " did not accept this client's credentials"
            + " (security.protocol=" + config.getProperty("security.protocol", "PLAINTEXT")
            + (config.getProperty("sasl.mechanism") != null ? ", sasl.mechanism=" + config.getProperty("sasl.mechanism") : "")
            + "): " + t.getMessage() + " Check the user and password in sasl.jaas.config, or the SSL key store.", e);
      }
      if (t instanceof TopicAuthorizationException a) {
        Collection<String> named = a.unauthorizedTopics() == null || a.unauthorizedTopics().isEmpty()
            ? topics : a.unauthorizedTopics();
        return new IllegalStateException("Kafka at " + servers + " does not authorize this client for topic(s) "
            + named + ": " + t.getMessage() + " Grant its principal the ACLs it needs (a source: DESCRIBE and READ"
            + " on the topics, READ on its group; a sink: DESCRIBE and WRITE on the topics).", e);
      }
      if (t instanceof GroupAuthorizationException g) {
        return new IllegalStateException("Kafka at " + servers + " does not authorize this client for consumer group "
            + (g.groupId() != null ? g.groupId() : config.getProperty("group.id")) + ": " + t.getMessage()
            + " Grant its principal READ on the group.", e);
      }
      if (t instanceof TransactionalIdAuthorizationException) {
        return new IllegalStateException("Kafka at " + servers + " does not authorize this client's transactional"
            + " ids: " + t.getMessage() + " An exactly-once sink needs WRITE and DESCRIBE on the transactional ids"
            + " of its prefix (a PREFIXED ACL); with DESCRIBE it also finds the transactions an earlier run left open.", e);
      }
      if (t instanceof ClusterAuthorizationException) {
        return new IllegalStateException("Kafka at " + servers + " does not authorize this client for a cluster"
            + " operation: " + t.getMessage(), e);
      }
    }
    return null;
  }
}
