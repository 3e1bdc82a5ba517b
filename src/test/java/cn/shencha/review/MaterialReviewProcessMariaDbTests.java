package cn.shencha.review;

import cn.shencha.support.MariaDbTest;

/** The same process paths on MariaDB through MySQL Connector/J. */
@MariaDbTest
class MaterialReviewProcessMariaDbTests extends MaterialReviewProcessScenarios {
}
