package cn.shencha.review;

import cn.shencha.support.ShenchaSpringTest;

/** The process paths on the embedded H2 database. */
@ShenchaSpringTest
class MaterialReviewProcessTests extends MaterialReviewProcessScenarios {
}
