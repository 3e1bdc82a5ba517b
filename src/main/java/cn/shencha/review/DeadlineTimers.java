package cn.shencha.review;

import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import cn.shencha.exam.SeasonSchedule;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.JobQueryImpl;
import org.camunda.bpm.engine.impl.Page;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
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
 *
 * <p>A schedule change also moves the due dates of the cases' open review tasks in the same command, the same
 * way ({@code TaskService.saveTask} would again be one command per task). The task's own close listener keeps
 * its history row in step; no task listener fires, as none reads the due date.
 */
@Component
public class DeadlineTimers {

    private final ProcessEngineConfigurationImpl engine;
    private final ManagementService managementService;

    DeadlineTimers(ProcessEngine processEngine) {
        this.engine = (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
        this.managementService = processEngine.getManagementService();
    }

    /** What a move changed. */
    public record Moved(int timers, int reviewTasks) {

        public static final Moved NONE = new Moved(0, 0);

        public Moved plus(Moved other) {
            return new Moved(timers + other.timers, reviewTasks + other.reviewTasks);
        }
    }

    /**
     * Only the timers (a personal extension: the review tasks' due dates do not depend on it).
     *
     * @param processInstanceIds the cases (a few hundred at a time keeps the query's IN list reasonable)
     * @param dueDate            timer activity id and process instance id to the due date it must have
     * @return how many timers got a new due date
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int move(Collection<String> processInstanceIds, BiFunction<String, String, Date> dueDate) {
        return move(processInstanceIds, dueDate, null).timers();
    }

    /**
     * The timers and the open review tasks of cases whose district schedule changed.
     *
     * @param schedule the schedule the review tasks' due dates follow (see ReviewTaskListener.dueDate)
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Moved move(Collection<String> processInstanceIds, BiFunction<String, String, Date> dueDate,
                      SeasonSchedule schedule) {
        if (processInstanceIds.isEmpty()) {
            return Moved.NONE;
        }
        Map<String, String> timerByJobDefinition = deadlineTimerDefinitions();
        Map<String, Date> taskDueByKey = new HashMap<>();
        if (schedule != null) {
            for (ReviewLevel level : ReviewLevel.values()) {
                taskDueByKey.put(level.taskDefinitionKey(), Date.from(ReviewTaskListener.dueDate(level, schedule)));
            }
        }
        return engine.getCommandExecutorTxRequired().execute(
                new MoveTimers(new HashSet<>(processInstanceIds), timerByJobDefinition, dueDate, taskDueByKey));
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
                              BiFunction<String, String, Date> dueDate, Map<String, Date> taskDueByKey)
            implements Command<Moved> {

        @Override
        public Moved execute(CommandContext context) {
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
            return new Moved(moved, taskDueByKey.isEmpty() ? 0 : moveTasks(context));
        }

        private int moveTasks(CommandContext context) {
            TaskQueryImpl query = new TaskQueryImpl();
            query.processInstanceIdIn(processInstanceIds.toArray(String[]::new))
                    .taskDefinitionKeyIn(taskDueByKey.keySet().toArray(String[]::new));
            int moved = 0;
            for (Task task : context.getTaskManager().findTasksByQueryCriteria(query)) {
                Date due = taskDueByKey.get(task.getTaskDefinitionKey());
                if (task.getDueDate() == null || task.getDueDate().getTime() != due.getTime()) {
                    ((TaskEntity) task).setDueDate(due);
                    moved++;
                }
            }
            return moved;
        }
    }
}
