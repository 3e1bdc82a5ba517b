package cn.shencha.retention;

import cn.shencha.exam.IdNumberHash;
import cn.shencha.materials.storage.ImageStore;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;
import org.camunda.bpm.engine.HistoryService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes a season's personal data in one district once its retention period has ended: the image files, the ID
 * numbers (a salted hash stays, {@link IdNumberHash}) and phone numbers, the texts of messages and notifications, the
 * delivery addresses, and the engine's history of the finished cases. Counts, verdicts, registration numbers, names
 * and the review decisions (who decided what and when) stay.
 *
 * <p>Candidates go in batches, each in three steps: (1) one transaction marks the batch's image rows PURGED (no page
 * or API serves them from then on); (2) the files are deleted from the image store (a missing one is fine); (3) one
 * transaction blanks the candidates' fields, marks them purged and adds to the purge's counts. A node killed anywhere
 * leaves either images marked but candidates not (step 2 is simply done again: deleting is idempotent) or a
 * finished batch; the purge record stays RUNNING and the next run carries on where it stopped. Held candidates and
 * cases still running are left out (counted) and purged by a later run once released or ended.
 */
@Component
class RetentionPurge {

    private static final Logger log = LoggerFactory.getLogger(RetentionPurge.class);
    static final String SCHEDULER = "scheduler";
    private static final String NOT_HELD = " and not exists (select 1 from retention_hold h where h.candidate_id = "
            + "candidate.id and h.released_at is null)";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final ImageStore store;
    private final IdNumberHash idNumberHash;
    private final HistoryService historyService;
    private final RetentionRules rules;
    private final Clock clock;
    private volatile int batchSize;
    /** Called after each file is deleted: where a test stops a purge half-way, as a kill would. */
    volatile Consumer<String> afterFileDeleted = key -> { };

    RetentionPurge(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, ImageStore store,
                   IdNumberHash idNumberHash, HistoryService historyService, RetentionRules rules, Clock clock,
                   @Value("${shencha.retention.batch-size:100}") int batchSize) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactionManager);
        this.store = store;
        this.idNumberHash = idNumberHash;
        this.historyService = historyService;
        this.rules = rules;
        this.clock = clock;
        this.batchSize = Math.max(1, batchSize);
    }

    /** How many candidates one batch (one transaction) purges. */
    void batchSize(int size) {
        this.batchSize = Math.max(1, size);
    }

    /** Every season and district whose period has ended: purged (or continued) one after the other. */
    List<Long> runDue(String by) {
        List<Long> purges = new ArrayList<>();
        for (RetentionRules.Due due : rules.due(clock.instant())) {
            purge(due, by).ifPresent(purges::add);
        }
        return purges;
    }

    /**
     * Purges (or continues purging) the season's district if its period has ended and something is left to do.
     *
     * @return the purge record's id, empty when there was nothing to purge
     */
    java.util.Optional<Long> purge(RetentionRules.Due due, String by) {
        Instant now = clock.instant();
        if (due.dueAt().isAfter(now)) {
            return java.util.Optional.empty();
        }
        Long purgeId = tx.execute(s -> openPurge(due, by, now));
        if (purgeId == null) {
            return java.util.Optional.empty();
        }
        log.info("Retention purge {} of season {} district {} (due {}) started or continued by {}", purgeId,
                due.seasonCode(), due.districtCode(), due.dueAt(), by);
        List<Pending> batch;
        while (!(batch = pending(due.seasonCode(), due.districtCode())).isEmpty()) {
            purgeBatch(purgeId, batch);
        }
        List<String> finished;
        while (!(finished = finishedHistory(due.seasonCode(), due.districtCode())).isEmpty()) {
            List<String> instances = finished;
            tx.executeWithoutResult(s -> {
                historyService.deleteHistoricProcessInstancesIfExists(instances);
                jdbc.update("update retention_purge set process_instances = process_instances + ? where id = ?",
                        instances.size(), purgeId);
            });
        }
        tx.executeWithoutResult(s -> jdbc.update("""
                        update retention_purge set state = 'DONE', finished_at = ?,
                            held = (select count(*) from candidate c where c.season_code = ? and c.district_code = ?
                                    and c.purged_at is null and exists (select 1 from retention_hold h
                                        where h.candidate_id = c.id and h.released_at is null)),
                            running = (select count(*) from candidate c where c.season_code = ? and c.district_code = ?
                                    and c.purged_at is null and exists (select 1 from review_case r join ACT_RU_EXECUTION e
                                        on e.PROC_INST_ID_ = r.process_instance_id where r.candidate_id = c.id))
                        where id = ?""", Utc.of(clock.instant()), due.seasonCode(), due.districtCode(),
                due.seasonCode(), due.districtCode(), purgeId));
        log.info("Retention purge {} of season {} district {} done", purgeId, due.seasonCode(), due.districtCode());
        return java.util.Optional.of(purgeId);
    }

    /** The purge still RUNNING for this season and district, or a new one when candidates are due; else null. */
    private Long openPurge(RetentionRules.Due due, String by, Instant now) {
        List<Long> running = jdbc.queryForList("""
                select id from retention_purge where season_code = ? and district_code = ? and state = 'RUNNING'
                order by id""", Long.class, due.seasonCode(), due.districtCode());
        if (!running.isEmpty()) {
            return running.get(0);
        }
        boolean work = !pending(due.seasonCode(), due.districtCode()).isEmpty()
                || !finishedHistory(due.seasonCode(), due.districtCode()).isEmpty();
        if (!work) {
            return null;
        }
        jdbc.update("""
                        insert into retention_purge (season_code, district_code, retention_days, published_at, due_at, state,
                                                     started_by, started_at)
                        values (?, ?, ?, ?, ?, 'RUNNING', ?, ?)""", due.seasonCode(), due.districtCode(),
                due.retentionDays(), Utc.of(due.publishedAt()), Utc.of(due.dueAt()), by,
                Utc.of(now));
        return jdbc.queryForObject("""
                select max(id) from retention_purge where season_code = ? and district_code = ? and state = 'RUNNING'""",
                Long.class, due.seasonCode(), due.districtCode());
    }

    record Pending(long id, String idNumber) {
    }

    /** The next candidates to purge: not yet purged, not held, their case ended (or never started). */
    private List<Pending> pending(String seasonCode, String districtCode) {
        return jdbc.query("""
                        select c.id, c.id_number from candidate c
                        where c.season_code = ? and c.district_code = ? and c.purged_at is null
                          and not exists (select 1 from retention_hold h where h.candidate_id = c.id and h.released_at is null)
                          and not exists (select 1 from review_case r join ACT_RU_EXECUTION e on e.PROC_INST_ID_ = r.process_instance_id where r.candidate_id = c.id)
                        order by c.id limit ?""", (rs, n) -> new Pending(rs.getLong(1), rs.getString(2)),
                seasonCode, districtCode, batchSize);
    }

    /** The engine's history of the season's finished cases in this district, except a held or kept candidate's. */
    private List<String> finishedHistory(String seasonCode, String districtCode) {
        return jdbc.queryForList("""
                        select h.PROC_INST_ID_ from ACT_HI_PROCINST h
                        join ACT_HI_VARINST vs on vs.PROC_INST_ID_ = h.PROC_INST_ID_ and vs.NAME_ = 'seasonCode' and vs.TEXT_ = ?
                        join ACT_HI_VARINST vd on vd.PROC_INST_ID_ = h.PROC_INST_ID_ and vd.NAME_ = 'districtCode' and vd.TEXT_ = ?
                        where h.END_TIME_ is not null
                          and not exists (select 1 from review_case r join candidate c on c.id = r.candidate_id where r.process_instance_id = h.PROC_INST_ID_
                                          and c.purged_at is null)
                        order by h.PROC_INST_ID_ limit ?""", String.class, seasonCode, districtCode, batchSize);
    }

    private void purgeBatch(long purgeId, List<Pending> batch) {
        List<Long> ids = batch.stream().map(Pending::id).toList();
        String in = String.join(",", Collections.nCopies(ids.size(), "?"));
        // (1) The rows first: from this commit on nothing serves these images, whether or not their files are there.
        tx.executeWithoutResult(s -> {
            List<Object> args = new ArrayList<>();
            args.add(Utc.of(clock.instant()));
            args.addAll(ids);
            jdbc.update("update material_image set state = 'PURGED', active_slot = null, purged_at = ?, version = version + 1"
                    + " where purged_at is null and candidate_id in (select candidate.id from candidate where candidate.id in (" + in + ")"
                    + NOT_HELD + ")", args.toArray());
        });
        // (2) The files: again after an interruption, a file already gone is no error.
        List<String> keys = jdbc.queryForList("select storage_key from material_image where state = 'PURGED'"
                + " and candidate_id in (" + in + ") order by id", String.class, ids.toArray());
        for (String key : keys) {
            try {
                store.delete(key);
            } catch (IOException e) {
                throw new IllegalStateException("Retention purge " + purgeId + " cannot delete image " + key
                        + " now; the next run continues: " + e.getMessage(), e);
            }
            afterFileDeleted.accept(key);
        }
        // (3) The fields, with the counts, in one transaction; a hold made meanwhile still keeps its candidate.
        Instant now = clock.instant();
        tx.executeWithoutResult(s -> {
            List<Long> purged = new ArrayList<>();
            for (Pending candidate : batch) {
                String hash = candidate.idNumber() == null || candidate.idNumber().isBlank()
                        ? null : idNumberHash.of(candidate.idNumber());
                int updated = jdbc.update("""
                                update candidate set id_number = '', phone = null, id_number_hash = ?, purged_at = ?,
                                    purge_id = ?, version = version + 1
                                where id = ? and purged_at is null""" + NOT_HELD,
                        hash, Utc.of(now), purgeId, candidate.id());
                if (updated == 1) {
                    purged.add(candidate.id());
                }
            }
            if (purged.isEmpty()) {
                return;
            }
            String done = String.join(",", Collections.nCopies(purged.size(), "?"));
            Object[] idArgs = purged.toArray();
            int images = jdbc.queryForObject("select count(*) from material_image where candidate_id in (" + done + ")",
                    Integer.class, idArgs);
            int messages = jdbc.update("update candidate_message set title = '', body = '' where candidate_id in ("
                    + done + ")", idArgs);
            int deliveries = jdbc.update("update notification_delivery set recipient = null, last_error = null"
                    + " where notification_id in (select n.id from notification n where n.candidate_id in (" + done + "))",
                    idArgs);
            int notifications = jdbc.update("update notification set params = '[]', title = '', body = ''"
                    + " where candidate_id in (" + done + ")", idArgs);
            int contacts = jdbc.update("delete from notification_contact where candidate_id in (" + done + ")", idArgs);
            jdbc.update("""
                            update retention_purge set candidates = candidates + ?, images = images + ?,
                                messages = messages + ?, notifications = notifications + ?, deliveries = deliveries + ?,
                                contacts = contacts + ?
                            where id = ?""", purged.size(), images, messages, notifications, deliveries, contacts,
                    purgeId);
        });
    }
}
