package cn.shencha.base.tx;

import java.util.HashMap;
import java.util.Map;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What one transaction reads again and again, kept for as long as the transaction runs: a batch job of the deadline
 * night locks 50 cases in one transaction, and each case's steps would otherwise read the same district schedule and
 * the same case owner several times, each read also flushing the cases changed so far. Only for values that cannot
 * change within the transaction, or whose entity the transaction's persistence context holds anyway.
 */
public final class TransactionScoped {

    private TransactionScoped() {
    }

    /**
     * The map of this owner in the current transaction, created on first use and dropped when the transaction ends.
     *
     * @return null outside a transaction (the caller then reads every time)
     */
    @SuppressWarnings("unchecked")
    public static <K, V> Map<K, V> map(Object owner) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return null;
        }
        Map<K, V> values = (Map<K, V>) TransactionSynchronizationManager.getResource(owner);
        if (values == null) {
            Map<K, V> created = new HashMap<>();
            TransactionSynchronizationManager.bindResource(owner, created);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(owner);
                }
            });
            values = created;
        }
        return values;
    }
}
