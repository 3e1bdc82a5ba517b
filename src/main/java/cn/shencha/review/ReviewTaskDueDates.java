package cn.shencha.review;

import cn.shencha.exam.SeasonSchedule;
import java.util.Date;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Keeps the due dates of open review tasks in step with their district's schedule (see ReviewTaskListener). */
@Component
class ReviewTaskDueDates {

    private final TaskService taskService;

    ReviewTaskDueDates(TaskService taskService) {
        this.taskService = taskService;
    }

    /** @return how many review tasks got a new due date */
    @Transactional(propagation = Propagation.MANDATORY)
    int rescheduleDistrict(SeasonSchedule schedule) {
        int moved = 0;
        for (ReviewLevel level : ReviewLevel.values()) {
            Date due = Date.from(ReviewTaskListener.dueDate(level, schedule));
            for (Task task : taskService.createTaskQuery()
                    .processDefinitionKey(MaterialReviewProcess.KEY)
                    .taskDefinitionKey(level.taskDefinitionKey())
                    .processVariableValueEquals(MaterialReviewProcess.VAR_DISTRICT_CODE, schedule.getDistrictCode())
                    .processVariableValueEquals(MaterialReviewProcess.VAR_SEASON_CODE, schedule.getSeasonCode())
                    .list()) {
                if (!due.equals(task.getDueDate())) {
                    task.setDueDate(due);
                    taskService.saveTask(task);
                    moved++;
                }
            }
        }
        return moved;
    }
}
