package cn.shencha.review;

import cn.shencha.base.security.StaffScope;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractSetTaskPropertyCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractVariableCmd;
import org.camunda.bpm.engine.impl.cmd.AddCommentCmd;
import org.camunda.bpm.engine.impl.cmd.AssignTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CreateAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.DelegateTaskCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteTaskCommentCmd;
import org.camunda.bpm.engine.impl.cmd.PatchExecutionVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.PatchTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.ResolveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SaveAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.SaveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.UpdateCommentCmd;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * What TASK_ASSIGN and TASK_WORK allow beyond claiming, unclaiming and completing, refused to a signed-in reviewer
 * (anyone but an administrator): changing a task's candidate groups, owner, delegation, name, description, dates
 * or priority, its comments and attachments, and setting or removing any variable. The app's own services run
 * without a signed-in engine user and are not affected.
 */
class ReviewerCommandGuard extends CommandInterceptor {

    /** AssignTaskCmd is an AbstractSetTaskPropertyCmd too: unclaim; whom it may assign, ReviewAssignmentGuard says. */
    private static final List<Class<?>> REFUSED = List.of(AbstractSetTaskPropertyCmd.class, DeleteIdentityLinkCmd.class,
            DelegateTaskCmd.class, ResolveTaskCmd.class, SaveTaskCmd.class, AbstractVariableCmd.class,
            PatchTaskVariablesCmd.class, PatchExecutionVariablesCmd.class, AddCommentCmd.class, UpdateCommentCmd.class,
            DeleteTaskCommentCmd.class, CreateAttachmentCmd.class, SaveAttachmentCmd.class, DeleteAttachmentCmd.class);

    private final ProcessEngineConfigurationImpl configuration;

    ReviewerCommandGuard(ProcessEngineConfigurationImpl configuration) {
        this.configuration = configuration;
    }

    @Override
    public <T> T execute(Command<T> command) {
        if (!(command instanceof AssignTaskCmd) && REFUSED.stream().anyMatch(type -> type.isInstance(command))) {
            Authentication reviewer = signedInReviewer(configuration);
            if (reviewer != null) {
                throw new AuthorizationException("审核人员只能认领或放弃任务，不能修改任务或流程变量 (a reviewer may only claim and"
                        + " unclaim a task): user " + reviewer.getUserId() + ", " + command.getClass().getSimpleName());
            }
        }
        return next.execute(command);
    }

    /** The engine user of this request when it is not an administrator; null for the app's own calls and administrators. */
    static Authentication signedInReviewer(ProcessEngineConfigurationImpl configuration) {
        Authentication authentication = configuration.getIdentityService().getCurrentAuthentication();
        if (authentication == null || authentication.getUserId() == null) {
            return null;
        }
        List<String> groups = authentication.getGroupIds();
        return groups != null && groups.contains(StaffScope.ADMIN_GROUP) ? null : authentication;
    }
}
