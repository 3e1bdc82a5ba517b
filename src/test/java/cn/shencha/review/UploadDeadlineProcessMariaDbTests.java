package cn.shencha.review;

import cn.shencha.support.MariaDbTest;

/** The same upload-deadline paths on MariaDB through MySQL Connector/J. */
@MariaDbTest
class UploadDeadlineProcessMariaDbTests extends UploadDeadlineScenarios {
}
