/*
 * Shencha's Tasklist configuration (replaces the one in Camunda's webjar; docs/review.md, "Tasklist in Chinese").
 * - Chinese by default: a browser whose first language is English gets English, every other browser Chinese
 *   (Tasklist picks the first language of the browser if it is in availableLocales, else fallbackLocale).
 * - Dates in Asia/Shanghai whatever the browser's time zone: the AngularJS module of scripts/shanghai-time.js.
 * "Create task" and "Start process" are left out in index.html (cam-exclude-plugins).
 */
export default {
  app: {
    name: '审核任务',
    vendor: '审查'
  },
  locales: {
    availableLocales: ['zh-CN', 'en'],
    fallbackLocale: 'zh-CN'
  },
  dateFormat: {
    normal: 'YYYY-MM-DD HH:mm',
    long: 'YYYY-MM-DD HH:mm:ss'
  },
  customScripts: ['scripts/shanghai-time'],
  requireJsConfig: {
    ngDeps: ['shencha.shanghaiTime']
  },
  disableWelcomeMessage: true,

  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: '认领当前选中的任务'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: '转到第一个筛选器'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: '转到任务列表的第一个任务'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: '转到任务表单的第一个输入项'
    }
  }
};
