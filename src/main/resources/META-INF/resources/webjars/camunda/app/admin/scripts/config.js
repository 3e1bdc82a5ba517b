/*
 * Shencha's Admin configuration (replaces the one in Camunda's webjar; docs/admin.md, "Cockpit and Admin").
 * Chinese by default (locales/zh-CN.json, every page: users, groups, tenants, authorizations, system), English
 * for a browser whose first language is English.
 */
export default {
  app: {
    name: '用户管理',
    vendor: '审查'
  },
  locales: {
    availableLocales: ['zh-CN', 'en'],
    fallbackLocale: 'zh-CN'
  },
  disableWelcomeMessage: true
};
