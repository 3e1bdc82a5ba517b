package cn.shencha.notify;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Where to reach a candidate besides the phone of their registration: e-mail and WeChat (openid). */
@Entity
@Table(name = "notification_contact")
public class NotificationContact {

    @Id
    @Column(name = "candidate_id")
    private Long candidateId;

    private String email;

    @Column(name = "wechat_open_id")
    private String wechatOpenId;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected NotificationContact() {
    }

    NotificationContact(Long candidateId, Instant now) {
        this.candidateId = candidateId;
        this.updatedAt = now;
    }

    void setEmail(String email, Instant now) {
        this.email = email;
        this.updatedAt = now;
    }

    void setWechatOpenId(String wechatOpenId, Instant now) {
        this.wechatOpenId = wechatOpenId;
        this.updatedAt = now;
    }

    public Long getCandidateId() {
        return candidateId;
    }

    public String getEmail() {
        return email;
    }

    public String getWechatOpenId() {
        return wechatOpenId;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
