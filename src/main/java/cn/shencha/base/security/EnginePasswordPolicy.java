package cn.shencha.base.security;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * The engine checks every staff password it saves against {@link PasswordRule}: Camunda Admin, a reviewer's
 * own profile in Tasklist and /engine-rest/user/{id}/credentials cannot set "1" or "password1" any more.
 */
@Component
class EnginePasswordPolicy extends AbstractProcessEnginePlugin {

    private final PasswordRule rule;

    EnginePasswordPolicy(PasswordRule rule) {
        this.rule = rule;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setEnablePasswordPolicy(true);
        configuration.setPasswordPolicy(rule.asEnginePolicy());
    }
}
