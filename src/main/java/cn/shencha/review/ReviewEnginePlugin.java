package cn.shencha.review;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The engine's authorization for reviewers (docs/review.md, "Camunda permissions"):
 * <ul>
 * <li>the rows Camunda writes per task for its candidate group and assignee carry only READ, READ_VARIABLE,
 *     TASK_WORK and TASK_ASSIGN ({@link ReviewTaskAuthorizations}), never UPDATE, so no variable can be written;</li>
 * <li>of what TASK_ASSIGN allows, a reviewer may only claim and unclaim: {@link ReviewerCommandGuard} refuses the
 *     rest (candidate groups, owner, delegation, name, description, variables, comments, attachments), and the
 *     task's assignment listener ({@link ReviewAssignmentGuard}) refuses an assignee other than the reviewer;</li>
 * <li>a reviewer's task list, count and filter count is restricted by the candidate groups instead of the
 *     per-task authorization rows ({@link ReviewQueueAuthorizationManager}): the same tasks, without the join that
 *     grew with the square of the queue (docs/performance.md);</li>
 * <li>the history of level audit without the gateways' activity rows and the decisions' variable rows, which nobody
 *     reads ({@link LeanHistoryEventHandler});</li>
 * <li>the upload deadline's batch message correlation tells {@code shencha.review.deadline-batch-size} cases per job
 *     and transaction ({@link CloseUploadsDelegate}); the engine's default is one.</li>
 * </ul>
 */
@Component
class ReviewEnginePlugin implements ProcessEnginePlugin {

    /** false: Camunda's own task-query check, main's design before (the benchmark's "before"). */
    private final boolean queueScoping;
    /** false: every history event of level audit written, main's before (the benchmark's "before"). */
    private final boolean leanHistory;

    /** Cases told of their upload deadline per batch job and transaction. */
    private final int deadlineBatchSize;

    ReviewEnginePlugin(@Value("${shencha.review.queue-scoping:true}") boolean queueScoping,
                       @Value("${shencha.engine.lean-history:true}") boolean leanHistory,
                       @Value("${shencha.review.deadline-batch-size:50}") int deadlineBatchSize) {
        this.queueScoping = queueScoping;
        this.leanHistory = leanHistory;
        if (deadlineBatchSize < 1) {
            throw new IllegalArgumentException("shencha.review.deadline-batch-size (DEADLINE_BATCH_SIZE) must be at least 1,"
                    + " not " + deadlineBatchSize);
        }
        this.deadlineBatchSize = deadlineBatchSize;
    }

    /** Cases told of their upload deadline per batch job and transaction (CloseUploadsDelegate). */
    int deadlineBatchSize() {
        return deadlineBatchSize;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setResourceAuthorizationProvider(new ReviewTaskAuthorizations());
        List<CommandInterceptor> interceptors = configuration.getCustomPreCommandInterceptorsTxRequired() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreCommandInterceptorsTxRequired());
        interceptors.add(new ReviewerCommandGuard(configuration));
        configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
        Map<String, Integer> invocationsPerBatchJob = configuration.getInvocationsPerBatchJobByBatchType() == null
                ? new HashMap<>() : new HashMap<>(configuration.getInvocationsPerBatchJobByBatchType());
        invocationsPerBatchJob.put(Batch.TYPE_CORRELATE_MESSAGE, deadlineBatchSize);
        configuration.setInvocationsPerBatchJobByBatchType(invocationsPerBatchJob);
        if (leanHistory) {
            List<HistoryEventHandler> handlers = configuration.getCustomHistoryEventHandlers() == null
                    ? new ArrayList<>() : new ArrayList<>(configuration.getCustomHistoryEventHandlers());
            handlers.add(new LeanHistoryEventHandler(new DbHistoryEventHandler()));
            configuration.setCustomHistoryEventHandlers(handlers);
            configuration.setEnableDefaultDbHistoryEventHandler(false);
        }
        if (!queueScoping) {
            return;
        }
        List<SessionFactory> sessionFactories = configuration.getCustomSessionFactories() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomSessionFactories());
        sessionFactories.add(new SessionFactory() {
            @Override
            public Class<?> getSessionType() {
                return AuthorizationManager.class;
            }

            @Override
            public Session openSession() {
                return new ReviewQueueAuthorizationManager();
            }
        });
        configuration.setCustomSessionFactories(sessionFactories);
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine processEngine) {
    }
}
