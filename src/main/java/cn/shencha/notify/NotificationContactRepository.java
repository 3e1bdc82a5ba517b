package cn.shencha.notify;

import org.springframework.data.jpa.repository.JpaRepository;

interface NotificationContactRepository extends JpaRepository<NotificationContact, Long> {
}
