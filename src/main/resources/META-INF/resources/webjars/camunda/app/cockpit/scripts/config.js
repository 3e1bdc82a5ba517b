/*
 * Shencha's Cockpit configuration (replaces the one in Camunda's webjar; docs/admin.md, "Cockpit and Admin").
 * Chinese by default (locales/zh-CN.json, every page: processes, instances, incidents, decisions, deployments,
 * batches, migration and modification), English for a browser whose first language is English.
 */
export default {
  app: {
    name: '流程监控',
    vendor: '审查'
  },
  locales: {
    availableLocales: ['zh-CN', 'en'],
    fallbackLocale: 'zh-CN'
  },
  disableWelcomeMessage: true
};
