package cn.shencha.materials;

import cn.shencha.support.MariaDbTest;

/** The rules of materials on MariaDB through MySQL Connector/J: row locks and unique keys as in production. */
@MariaDbTest
class MaterialRulesMariaDbTests extends MaterialRulesContract {
}
