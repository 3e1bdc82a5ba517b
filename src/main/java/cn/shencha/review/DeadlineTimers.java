package cn.shencha.review;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import cn.shencha.exam.SeasonSchedule;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
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
 *
 * <p>A schedule change also moves the due dates of the cases' open review tasks in the same command, set-based
 * (see MoveTimers.moveTasks; {@code TaskService.saveTask} would again be one command per task), and their history
 * rows with them. No task listener fires: none reads the due date.
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
        Map<String, String> timerByJobDefinition = timerDefinitions(MaterialReviewProcess.DEADLINE_TIMERS);
        Map<String, Date> taskDueByKey = new HashMap<>();
        if (schedule != null) {
            for (ReviewLevel level : ReviewLevel.values()) {
                taskDueByKey.put(level.taskDefinitionKey(), Date.from(ReviewTaskListener.dueDate(level, schedule)));
            }
        }
        return engine.getCommandExecutorTxRequired().execute(
                new MoveTimers(new HashSet<>(processInstanceIds), timerByJobDefinition, dueDate, taskDueByKey));
    }

    /**
     * The upload-deadline triggers' timers (UploadDeadlineTriggers), in the caller's transaction.
     *
     * @param dueDate trigger process instance id to the due date its timer must have
     * @return how many got a new due date
     */
    @Transactional(propagation = Propagation.MANDATORY)
    int moveTriggers(Collection<String> processInstanceIds, java.util.function.Function<String, Date> dueDate) {
        if (processInstanceIds.isEmpty()) {
            return 0;
        }
        return engine.getCommandExecutorTxRequired().execute(new MoveTimers(new HashSet<>(processInstanceIds),
                timerDefinitions(UploadDeadlineProcess.DEADLINE_DUE), (timer, instance) -> dueDate.apply(instance),
                Map.of())).timers();
    }

    /** Job definition id to timer activity id, over every deployed version of the processes. */
    private Map<String, String> timerDefinitions(String... timerActivityIds) {
        Map<String, String> byId = new HashMap<>();
        managementService.createJobDefinitionQuery()
                .activityIdIn(timerActivityIds)
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
            return context.runWithoutAuthorization(() -> moveAll(context));
        }

        private Moved moveAll(CommandContext context) {
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

        /**
         * One UPDATE per review level for the chunk, of the runtime rows and of their history, in the command's
         * connection (the caller's transaction). Loading and saving the task entities instead cost three statements
         * a task (64 s for 20,000 on the loaded test machine). REV_ goes up as the engine's own update would, so a
         * reviewer's claim or completion that read the task before fails on its revision instead of writing the
         * old due date back.
         */
        private int moveTasks(CommandContext context) {
            String prefix = context.getProcessEngineConfiguration().getDatabaseTablePrefix();
            String in = String.join(", ", java.util.Collections.nCopies(processInstanceIds.size(), "?"));
            Connection connection = context.getDbSqlSession().getSqlSession().getConnection();
            int moved = 0;
            try {
                for (Map.Entry<String, Date> entry : taskDueByKey.entrySet()) {
                    Timestamp due = new Timestamp(entry.getValue().getTime());
                    moved += update(connection, "update " + prefix + "ACT_RU_TASK set DUE_DATE_ = ?, REV_ = REV_ + 1"
                            + " where TASK_DEF_KEY_ = ? and PROC_INST_ID_ in (" + in + ")"
                            + " and (DUE_DATE_ is null or DUE_DATE_ <> ?)", due, entry.getKey());
                    update(connection, "update " + prefix + "ACT_HI_TASKINST set DUE_DATE_ = ?"
                            + " where TASK_DEF_KEY_ = ? and PROC_INST_ID_ in (" + in + ") and END_TIME_ is null"
                            + " and (DUE_DATE_ is null or DUE_DATE_ <> ?)", due, entry.getKey());
                }
            } catch (SQLException e) {
                throw new ProcessEngineException("Could not move the review tasks' due dates", e);
            }
            return moved;
        }

        private int update(Connection connection, String sql, Timestamp due, String taskDefinitionKey)
                throws SQLException {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                int i = 1;
                statement.setTimestamp(i++, due);
                statement.setString(i++, taskDefinitionKey);
                for (String id : processInstanceIds) {
                    statement.setString(i++, id);
                }
                statement.setTimestamp(i, due);
                return statement.executeUpdate();
            }
        }
    }
}
