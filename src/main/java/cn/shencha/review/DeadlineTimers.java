package cn.shencha.review;

import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.JobQueryImpl;
import org.camunda.bpm.engine.impl.Page;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gives waiting deadline timers new due dates, many at once. {@code ManagementService.setJobDuedate} is one
 * engine command per job (a select, an authorization check, an operation-log row, an update): 20,000
 * timers took 31 s. Here one engine command loads the timers of a batch of cases with one query and
 * changes them in memory; the engine writes the updates (with optimistic locking, as always) when the
 * command ends, in the caller's transaction. Callers check who may move deadlines (administrators) and
 * record the change themselves, once for the whole change (see admin.ScheduleChange).
 */
@Component
public class DeadlineTimers {

    private final ProcessEngineConfigurationImpl engine;
    private final ManagementService managementService;

    DeadlineTimers(ProcessEngine processEngine) {
        this.engine = (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
        this.managementService = processEngine.getManagementService();
    }

    /**
     * @param processInstanceIds the cases (a few hundred at a time keeps the query's IN list reasonable)
     * @param dueDate            timer activity id and process instance id to the due date it must have
     * @return how many timers got a new due date
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int move(Collection<String> processInstanceIds, BiFunction<String, String, Date> dueDate) {
        if (processInstanceIds.isEmpty()) {
            return 0;
        }
        Map<String, String> timerByJobDefinition = deadlineTimerDefinitions();
        return engine.getCommandExecutorTxRequired().execute(
                new MoveTimers(new HashSet<>(processInstanceIds), timerByJobDefinition, dueDate));
    }

    /** Job definition id to timer activity id, over every deployed version of the process. */
    private Map<String, String> deadlineTimerDefinitions() {
        Map<String, String> byId = new HashMap<>();
        managementService.createJobDefinitionQuery()
                .activityIdIn(MaterialReviewProcess.DEADLINE_TIMERS)
                .list()
                .forEach(definition -> byId.put(definition.getId(), definition.getActivityId()));
        return byId;
    }

    private record MoveTimers(java.util.Set<String> processInstanceIds, Map<String, String> timerByJobDefinition,
                              BiFunction<String, String, Date> dueDate) implements Command<Integer> {

        @Override
        public Integer execute(CommandContext context) {
            // The caller has checked that an administrator asks; the engine's per-job check would only repeat it.
            context.disableAuthorizationCheck();
            JobQueryImpl query = new JobQueryImpl();
            query.timers().processInstanceIds(processInstanceIds);
            List<Job> jobs = context.getJobManager().findJobsByQueryCriteria(query, new Page(0, Integer.MAX_VALUE));
            int moved = 0;
            for (Job job : jobs) {
                String timer = timerByJobDefinition.get(job.getJobDefinitionId());
                if (timer == null) {
                    continue;
                }
                Date due = dueDate.apply(timer, job.getProcessInstanceId());
                if (job.getDuedate() == null || job.getDuedate().getTime() != due.getTime()) {
                    ((JobEntity) job).setDuedate(due);
                    moved++;
                }
            }
            return moved;
        }
    }
}
