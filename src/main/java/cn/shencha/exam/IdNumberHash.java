package cn.shencha.exam;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The salted hash (HMAC-SHA-256) of an ID number that a purged candidate keeps instead of the number, so that the same
 * person registering again is still recognised. Keyed: an ID number has too little entropy (region, birth date,
 * sequence) for a plain hash to hide it. The key is {@code RETENTION_HASH_KEY} when set (then a database dump alone
 * does not let anyone test numbers against the hashes); otherwise one made at the first use and kept in
 * {@code retention_key}. It must never change once candidates are purged: their hashes would no longer match.
 */
@Component
public class IdNumberHash {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;
    private final String configured;
    private volatile byte[] key;

    IdNumberHash(JdbcTemplate jdbc, PlatformTransactionManager transactionManager,
                 @Value("${shencha.retention.hash-key:}") String configured) {
        this.jdbc = jdbc;
        // The made key commits on its own: a caller's rollback must not leave this node with a key no other node has.
        this.ownTransaction = new TransactionTemplate(transactionManager);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.configured = configured == null ? "" : configured.trim();
    }

    /** The hash of the ID number (upper case, trimmed) as 64 hex digits. */
    public String of(String idNumber) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(idNumber.trim().toUpperCase(Locale.ROOT)
                    .getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] key() {
        byte[] known = key;
        if (known != null) {
            return known;
        }
        if (!configured.isEmpty()) {
            known = configured.getBytes(StandardCharsets.UTF_8);
        } else {
            known = HexFormat.of().parseHex(ownTransaction.execute(s -> storedKey()));
        }
        key = known;
        return known;
    }

    private String storedKey() {
        var existing = jdbc.queryForList("select hash_key from retention_key where id = 1", String.class);
        if (!existing.isEmpty()) {
            return existing.get(0);
        }
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        try {
            jdbc.update("insert into retention_key (id, hash_key) values (1, ?)", HexFormat.of().formatHex(fresh));
        } catch (DuplicateKeyException anotherNodeWasFirst) {
            // fall through: read the one that won
        }
        return jdbc.queryForObject("select hash_key from retention_key where id = 1", String.class);
    }
}
