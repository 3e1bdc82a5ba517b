package cn.shencha.admin;

import cn.shencha.base.web.ShenchaException;
import java.util.function.Supplier;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.springframework.dao.ConcurrencyFailureException;

/**
 * A change that collided with another one at the same moment (a timer firing while it is moved, a candidate
 * submitting while their upload is reopened): nothing was saved, and trying again is the answer.
 */
public final class ConcurrentChange {

    private ConcurrentChange() {
    }

    public static boolean is(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof OptimisticLockingException || t instanceof ConcurrencyFailureException) {
                return true;
            }
        }
        return false;
    }

    /** Runs the change; a collision becomes the refusal CONCURRENT_CHANGE (409). */
    public static <T> T refuseOnCollision(Supplier<T> change) {
        try {
            return change.get();
        } catch (RuntimeException e) {
            if (is(e)) {
                throw ShenchaException.conflict("CONCURRENT_CHANGE");
            }
            throw e;
        }
    }
}
