package cn.shencha.notify;

import cn.shencha.exam.SeasonSchedule;
import cn.shencha.exam.Seasons;
import cn.shencha.base.i18n.Messages;
import cn.shencha.base.security.StaffScope;
import cn.shencha.base.time.ShanghaiTime;
import cn.shencha.exam.District;
import cn.shencha.exam.DistrictRepository;
import cn.shencha.exam.ExamSite;
import cn.shencha.exam.ExamSiteRepository;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reviewers' daily digest by e-mail: from {@code send-at} (08:00 Shanghai) on, once per day, every reviewer
 * with an e-mail address (Camunda user profile) whose site or district has open review tasks close to their
 * deadline gets one message listing them. A review task's deadline is the district's supplement deadline
 * while it lies ahead (a send-back after it leaves the candidate no time), then the publication of results;
 * "close" is within {@code horizon} (7 days). Sent digests are recorded per reviewer and day; the unique key
 * lets one node send each, and a failed send is retried at the next run.
 */
@Service
public class ReviewerDigest {

    private static final Logger log = LoggerFactory.getLogger(ReviewerDigest.class);

    record Line(String scope, long tasks, String deadlineKind, Instant deadline) {
    }

    private final ObjectProvider<JavaMailSender> mailSender;
    private final TaskService taskService;
    private final IdentityService identityService;
    private final ExamSiteRepository sites;
    private final DistrictRepository districts;
    private final ReviewerDigestRepository digests;
    private final NotifyProperties properties;
    private final Messages text;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Seasons seasons;

    ReviewerDigest(ObjectProvider<JavaMailSender> mailSender, TaskService taskService, IdentityService identityService,
                   ExamSiteRepository sites, DistrictRepository districts, ReviewerDigestRepository digests,
                   NotifyProperties properties, Messages text, TransactionTemplate tx, Clock clock, Seasons seasons) {
        this.seasons = seasons;
        this.mailSender = mailSender;
        this.taskService = taskService;
        this.identityService = identityService;
        this.sites = sites;
        this.districts = districts;
        this.digests = digests;
        this.properties = properties;
        this.text = text;
        this.tx = tx;
        this.clock = clock;
    }

    /** @return how many digests this run sent */
    public int sendDue() {
        JavaMailSender mail = mailSender.getIfAvailable();
        if (!properties.getDigest().isEnabled() || !properties.getMail().isEnabled() || mail == null) {
            return 0;
        }
        Instant now = clock.instant();
        ZonedDateTime local = now.atZone(ShanghaiTime.ZONE);
        if (local.toLocalTime().isBefore(properties.getDigest().getSendAt())) {
            return 0;
        }
        String day = local.toLocalDate().toString();
        Map<String, List<Line>> linesByUser = new LinkedHashMap<>();
        Map<String, User> users = new LinkedHashMap<>();
        Map<String, District> byCode = districts.findAll().stream()
                .collect(Collectors.toMap(District::getCode, Function.identity()));
        for (ExamSite site : sites.findAll()) {
            collect(StaffScope.SITE_GROUP_PREFIX + site.getCode(), text.get(Messages.DEFAULT_LOCALE, "digest.scope.site",
                    site.getCode(), site.getName()), current(byCode.get(site.getDistrictCode())), now, linesByUser, users, day);
        }
        for (District district : byCode.values()) {
            collect(StaffScope.DISTRICT_GROUP_PREFIX + district.getCode(), text.get(Messages.DEFAULT_LOCALE,
                    "digest.scope.district", district.getCode(), district.getName()), current(district), now, linesByUser, users, day);
        }
        int sent = 0;
        for (Map.Entry<String, List<Line>> entry : linesByUser.entrySet()) {
            if (send(mail, users.get(entry.getKey()), entry.getValue(), day, now)) {
                sent++;
            }
        }
        return sent;
    }

    /** The district's schedule in the current season: the digest is about the cases under review now. */
    private SeasonSchedule current(District district) {
        return district == null ? null : seasons.find(seasons.currentCode(), district.getCode()).orElse(null);
    }

    private void collect(String group, String scope, SeasonSchedule district, Instant now, Map<String, List<Line>> linesByUser,
                         Map<String, User> users, String day) {
        if (district == null) {
            return;
        }
        boolean beforeSupplement = now.isBefore(district.getSupplementDeadline());
        Instant deadline = beforeSupplement ? district.getSupplementDeadline() : district.getResultsPublishAt();
        if (!deadline.isAfter(now) || deadline.isAfter(now.plus(properties.getDigest().getHorizon()))) {
            return;
        }
        // The reviewer groups (StaffScope) are candidate groups of the review tasks only.
        long tasks = taskService.createTaskQuery().taskCandidateGroup(group).includeAssignedTasks().count();
        if (tasks == 0) {
            return;
        }
        Line line = new Line(scope, tasks, beforeSupplement ? "SUPPLEMENT" : "PUBLICATION", deadline);
        for (User user : identityService.createUserQuery().memberOfGroup(group).list()) {
            if (user.getEmail() != null && !user.getEmail().isBlank() && !digests.existsByUserIdAndDay(user.getId(), day)) {
                users.put(user.getId(), user);
                linesByUser.computeIfAbsent(user.getId(), id -> new ArrayList<>()).add(line);
            }
        }
    }

    private boolean send(JavaMailSender mail, User user, List<Line> lines, String day, Instant now) {
        int total = (int) lines.stream().mapToLong(Line::tasks).sum();
        Long recordId;
        try {
            // Taking the day for this reviewer first: of two nodes, only one gets the row and sends.
            recordId = tx.execute(status -> digests.saveAndFlush(new ReviewerDigestRecord(user.getId(), day, total, now)).getId());
        } catch (DataIntegrityViolationException e) {
            return false;
        }
        try {
            var message = mail.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, StandardCharsets.UTF_8.name());
            helper.setFrom(properties.getMail().getFrom());
            helper.setTo(user.getEmail());
            helper.setSubject(text.get(Messages.DEFAULT_LOCALE, "digest.subject", day, total));
            helper.setText(body(user, lines));
            mail.send(message);
            return true;
        } catch (MailException | jakarta.mail.MessagingException e) {
            log.warn("Digest to {} failed, retried at the next run: {}", user.getId(), e.getMessage());
            digests.deleteById(recordId);
            return false;
        }
    }

    private String body(User user, List<Line> lines) {
        String name = user.getFirstName() == null || user.getFirstName().isBlank() ? user.getId() : user.getFirstName();
        StringBuilder body = new StringBuilder(text.get(Messages.DEFAULT_LOCALE, "digest.greeting", name)).append("\n\n");
        for (Line line : lines) {
            body.append(text.get(Messages.DEFAULT_LOCALE, "digest.line", line.scope(), line.tasks(),
                    text.get(Messages.DEFAULT_LOCALE, "digest.deadline." + line.deadlineKind()),
                    ShanghaiTime.format(line.deadline()))).append('\n');
        }
        return body.append('\n').append(text.get(Messages.DEFAULT_LOCALE, "digest.footer")).toString();
    }
}
