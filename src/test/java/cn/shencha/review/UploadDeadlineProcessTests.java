package cn.shencha.review;

import cn.shencha.support.ShenchaSpringTest;

/** The upload-deadline paths on the embedded H2 database. */
@ShenchaSpringTest
class UploadDeadlineProcessTests extends UploadDeadlineScenarios {
}
