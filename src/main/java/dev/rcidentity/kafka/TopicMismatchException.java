package dev.rcidentity.kafka;

import java.util.List;

/** Existing topics contradict their definitions; each problem names the topic, what was found and what was expected. */
public class TopicMismatchException extends RuntimeException {
    private final List<String> problems;

    public TopicMismatchException(List<String> problems) {
        super(String.join("\n", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
