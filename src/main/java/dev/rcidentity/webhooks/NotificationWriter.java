package dev.rcidentity.webhooks;

import dev.rcidentity.kafka.KafkaClients;
import dev.rcidentity.kafka.Topics;
import dev.rcidentity.model.Notification;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Appends notifications to {@code rc.notifications.v1}, keyed by connectionId, through an idempotent acks=all
 * producer, and returns only once Kafka acknowledged the write (bounded by the timeout).
 */
public final class NotificationWriter implements AutoCloseable {
    private final Producer<String, Notification> producer;
    private final Duration timeout;

    NotificationWriter(Producer<String, Notification> producer, Duration timeout) {
        this.producer = producer;
        this.timeout = timeout;
    }

    public static NotificationWriter start(KafkaClients kafka, Duration timeout) {
        return new NotificationWriter(new KafkaProducer<>(kafka.producer("rc-identity-webhooks", timeout),
                Topics.NOTIFICATIONS.keySerde().serializer(), Topics.NOTIFICATIONS.valueSerde().serializer()), timeout);
    }

    /** @throws NotWrittenException when Kafka did not acknowledge it in time (the caller answers 503) */
    void append(Notification notification) throws InterruptedException {
        try {
            producer.send(new ProducerRecord<>(Topics.NOTIFICATIONS.name(), null,
                            notification.receivedAt().toEpochMilli(), notification.connectionId(), notification))
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new NotWrittenException(e.getCause().getClass().getSimpleName());
        } catch (TimeoutException e) {
            throw new NotWrittenException("no acknowledgement within " + timeout);
        } catch (RuntimeException e) {
            throw new NotWrittenException(e.getClass().getSimpleName());
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }

    static final class NotWrittenException extends RuntimeException {
        NotWrittenException(String message) {
            super(message, null, false, false);
        }
    }
}
