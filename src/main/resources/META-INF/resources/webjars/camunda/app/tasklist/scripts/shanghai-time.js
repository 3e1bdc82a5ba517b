/*
 * Every date Tasklist shows is in Asia/Shanghai, whatever the time zone of the reviewer's computer.
 *
 * Tasklist formats dates with moment.js in the browser's zone, and its footer names the browser's zone. This
 * module (loaded as a custom script, config.js; an AngularJS module listed in requireJsConfig.ngDeps) puts every
 * moment Tasklist makes at UTC+08:00 (Asia/Shanghai has had no daylight saving since 1991, so a fixed offset is
 * exact for every date the review deals with) and makes the footer say "Asia/Shanghai". A time typed without an
 * offset is read as Shanghai wall time. Moments made in UTC on purpose (moment.utc) stay UTC.
 */
const SHANGHAI_OFFSET_MINUTES = 8 * 60;
const SHANGHAI_ZONE = 'Asia/Shanghai';

function toShanghai(moment) {
  if (moment.shenchaShanghai) {
    return;
  }
  const previous = moment.updateOffset;
  moment.updateOffset = function (m, keepTime) {
    if (m._shenchaShanghai === undefined) {
      m._shenchaShanghai = !m._isUTC;
      if (m._shenchaShanghai && m.isValid()) {
        const wallClock = Array.isArray(m._a) && m._tzm === undefined && m._f !== 'X' && m._f !== 'x';
        m.utcOffset(SHANGHAI_OFFSET_MINUTES, wallClock);
      }
    }
    if (previous) {
      previous.call(this, m, keepTime);
    }
  };
  moment.shenchaShanghai = true;
}

window.angular.module('shencha.shanghaiTime', [])
  .config(['$injector', '$provide', function ($injector, $provide) {
    if (!$injector.has('camWidgetFooterDirective')) {
      return;
    }
    $provide.decorator('camWidgetFooterDirective', ['$delegate', function ($delegate) {
      const footer = $delegate[0];
      const link = footer.link;
      footer.compile = function () {
        return function (scope) {
          if (link) {
            link.apply(this, arguments);
          }
          scope.timezoneName = SHANGHAI_ZONE;
        };
      };
      return $delegate;
    }]);
  }])
  .run(['$injector', function ($injector) {
    if ($injector.has('moment')) {
      toShanghai($injector.get('moment'));
    }
  }]);
