package dev.rcidentity.bench;

import java.util.List;

/**
 * One reported figure: the median of its repetitions ({@code samples}), and, when it has them, the floor and the peer
 * it is compared with and the target it is held to.
 *
 * @param ratio      value / floor value, when there is a floor
 * @param peerRatio  value / peer value, when there is a peer (the DSL peer's figure of the same kind)
 * @param status     {@code met}, {@code missed} or {@code info} (no target)
 */
public record Figure(
        String section,
        String name,
        double value,
        String unit,
        List<Double> samples,
        String floor,
        Double ratio,
        String target,
        String status,
        String note,
        String peer,
        Double peerRatio) {

    static Figure info(String section, String name, double value, String unit, List<Double> samples, String note) {
        return new Figure(section, name, value, unit, List.copyOf(samples), null, null, null, "info", note, null, null);
    }

    /** The same figure held to a target. */
    Figure against(String targetText, boolean met) {
        return new Figure(section, name, value, unit, samples, floor, ratio, targetText, met ? "met" : "missed", note,
                peer, peerRatio);
    }

    /** The same figure compared with a floor figure. */
    Figure relativeTo(Figure floorFigure) {
        return relativeTo(floorFigure.name(), floorFigure.value());
    }

    Figure relativeTo(String floorName, double floorValue) {
        return new Figure(section, name, value, unit, samples, floorName, value / floorValue, target, status, note,
                peer, peerRatio);
    }

    /** The same figure compared with the peer's figure of the same kind; no ratio when the peer's is zero. */
    Figure beside(Figure peerFigure) {
        return new Figure(section, name, value, unit, samples, floor, ratio, target, status, note, peerFigure.name(),
                peerFigure.value() == 0 ? null : value / peerFigure.value());
    }
}
