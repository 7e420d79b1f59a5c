package io.serviceproof.evidence.people;

import java.util.List;
import java.util.Map;

/**
 * Who may do what on one service layer, and whether it is current: one row per technician, one
 * cell per task. A cell is current when the technician is authorised for the task and holds a
 * qualification, valid on the day, whose scope covers the task's.
 */
public record CompetenceMatrix(String layerId, List<LayerTask> tasks, List<Row> rows) {

    public record Row(Technician technician, Map<String, Cell> cells) {}

    /** @param basis the qualification that backs it, if any */
    public record Cell(boolean authorised, boolean current, Qualification basis) {

        public String state() {
            if (!authorised) {
                return "not-authorised";
            }
            return current ? "current" : "lapsed";
        }
    }

    /** Authorisations no longer backed by a current qualification: the gaps to close. */
    public long lapsed() {
        return rows.stream()
                .flatMap(r -> r.cells().values().stream())
                .filter(c -> c.authorised() && !c.current())
                .count();
    }
}
