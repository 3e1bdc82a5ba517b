package cn.shencha.review;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.camunda.bpm.engine.impl.history.event.HistoricActivityInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;

/**
 * The engine's history at level {@code audit} without the rows nobody reads (docs/performance.md, "History written
 * per case"): everything goes to Camunda's own {@link DbHistoryEventHandler} except
 * <ul>
 * <li>the activity instances of gateways ({@code ACT_HI_ACTINST}, type {@code …Gateway}): the case history of the
 *     admin view lists events, tasks and service steps only, and Cockpit CE and Tasklist read no historic activity;</li>
 * <li>the variable history ({@code ACT_HI_VARINST}) of every variable but the case's identity (candidate, site,
 *     district, season), which the retention purge and its count join: the decisions are recorded in
 *     {@code review_decision}, Tasklist and Cockpit CE show the running variables ({@code ACT_RU_VARIABLE}).</li>
 * </ul>
 * Process, task and the kept activity and variable history are written as before; the history level stays
 * {@code audit}, so a database keeps its level and a node without this handler reads the same tables.
 */
final class LeanHistoryEventHandler implements HistoryEventHandler {

    /** The variables whose history the retention purge reads (RetentionPurge, RetentionService). */
    static final Set<String> KEPT_VARIABLES = Set.of(MaterialReviewProcess.VAR_CANDIDATE_ID, MaterialReviewProcess.VAR_SITE_CODE,
            MaterialReviewProcess.VAR_DISTRICT_CODE, MaterialReviewProcess.VAR_SEASON_CODE);

    private final HistoryEventHandler database;

    LeanHistoryEventHandler(HistoryEventHandler database) {
        this.database = database;
    }

    @Override
    public void handleEvent(HistoryEvent event) {
        if (kept(event)) {
            database.handleEvent(event);
        }
    }

    @Override
    public void handleEvents(List<HistoryEvent> events) {
        for (HistoryEvent event : events) {
            handleEvent(event);
        }
    }

    static boolean kept(HistoryEvent event) {
        if (event instanceof HistoricActivityInstanceEventEntity activity) {
            return activity.getActivityType() == null
                    || !activity.getActivityType().toLowerCase(Locale.ROOT).endsWith("gateway");
        }
        if (event instanceof HistoricVariableUpdateEventEntity variable) {
            return KEPT_VARIABLES.contains(variable.getVariableName());
        }
        return true;
    }
}
