/*
 * Shencha review desk: the body of the embedded task form processes/forms/review.html (both review tasks) in
 * Camunda Tasklist. It reads the case from the app's reviewer API
 * (GET /api/v1/review/tasks/{taskId}, same browser session as Tasklist), shows every material with its
 * images (thumbnails, a viewer with zoom and rotation, an on-screen watermark with the reviewer's id), the
 * earlier decisions and the flags, and sends the decision to POST /api/v1/review/tasks/{taskId}/decision,
 * which validates it, records it and completes the task. Tasklist's own "Complete" button drives it:
 * camForm's submitVariables is replaced by that POST, so Tasklist refreshes its list on success and keeps
 * the form open, with the server's message, on a refusal. The POST carries the session's CSRF token (header
 * X-SHENCHA-XSRF-TOKEN, from the SHENCHA-XSRF-TOKEN cookie that the GET brought).
 * All texts come from the API (message bundles messages-review*.properties); all data goes into the page
 * as text, never as HTML.
 */
(function (window, document) {
  'use strict';

  if (window.ShenchaReviewDesk) {
    return;
  }

  var API = '/api/v1/review';
  var LANG_KEY = 'shencha.review.lang';
  var CSS_ID = 'shencha-review-desk-css';
  // The app's CSRF token for calls on the session (its cookie comes with the first API answer).
  var CSRF_COOKIE = 'SHENCHA-XSRF-TOKEN';
  var CSRF_HEADER = 'X-SHENCHA-XSRF-TOKEN';

  function csrfToken() {
    var match = document.cookie.match(new RegExp('(?:^|;\\s*)' + CSRF_COOKIE + '=([^;]*)'));
    return match ? decodeURIComponent(match[1]) : null;
  }

  function language() {
    try {
      return window.localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'zh-CN';
    } catch (e) {
      return 'zh-CN';
    }
  }

  function ensureStylesheet() {
    if (!document.getElementById(CSS_ID)) {
      var link = document.createElement('link');
      link.id = CSS_ID;
      link.rel = 'stylesheet';
      link.href = '/review-desk/review-desk.css';
      document.head.appendChild(link);
    }
  }

  /** el('div', {class: 'x', text: 'y', onclick: fn}, [children]) */
  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) {
      var value = attrs[key];
      if (value === null || value === undefined || value === false) {
        return;
      }
      if (key === 'text') {
        node.textContent = value;
      } else if (key.indexOf('on') === 0 && typeof value === 'function') {
        node.addEventListener(key.substring(2), value);
      } else if (key === 'checked' || key === 'value') {
        node[key] = value;
      } else {
        node.setAttribute(key, value === true ? '' : value);
      }
    });
    (children || []).forEach(function (child) {
      if (child !== null && child !== undefined) {
        node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
      }
    });
    return node;
  }

  function format(text, args) {
    return String(text).replace(/\{(\d+)\}/g, function (match, index) {
      var value = args[Number(index)];
      return value === null || value === undefined ? '' : String(value);
    });
  }

  function badge(text, kind, code) {
    return el('span', {'class': 'sd-badge' + (kind ? ' sd-' + kind : ''), text: text, 'data-flag': code || null});
  }

  function flagKind(code) {
    if (code.indexOf('DUPLICATE') >= 0 || code === 'MISSING') {
      return 'danger';
    }
    if (code.indexOf('REPLACED') >= 0 || code === 'UNLOCKED') {
      return 'warn';
    }
    return 'info';
  }

  /** The on-screen watermark: a tiled SVG with the notice, the reviewer's id and the time. Never in the file. */
  function watermarkStyle(text) {
    var escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    var svg = '<svg xmlns="http://www.w3.org/2000/svg" width="230" height="110">' +
      '<text x="4" y="70" transform="rotate(-18 115 55)" fill="rgba(197,48,48,0.38)" ' +
      'font-family="sans-serif" font-size="12">' + escaped + '</text></svg>';
    return 'url("data:image/svg+xml;charset=utf-8,' + encodeURIComponent(svg) + '")';
  }

  function watermark(text, extraClass) {
    var node = el('div', {'class': 'sd-watermark' + (extraClass ? ' ' + extraClass : ''), 'aria-hidden': 'true'});
    node.style.backgroundImage = watermarkStyle(text);
    return node;
  }

  // The image viewer ///////////////////////////////////////////////////////////////////////////////////

  var viewer = null;

  function Viewer() {
    var self = this;
    this.images = [];
    this.index = 0;
    this.state = {rotate: 0, scale: 1, x: 0, y: 0};
    this.img = el('img', {alt: '', draggable: 'false'});
    this.caption = el('span', {'class': 'sd-caption'});
    this.stage = el('div', {'class': 'sd-stage'}, [this.img]);
    this.bar = el('div', {'class': 'sd-bar'});
    this.mark = watermark('');
    this.root = el('div', {'class': 'sd-lightbox', id: 'shencha-lightbox', role: 'dialog', 'aria-modal': 'true'},
      [this.bar, this.stage, this.mark]);
    document.body.appendChild(this.root);

    this.stage.addEventListener('wheel', function (e) {
      e.preventDefault();
      self.zoom(e.deltaY < 0 ? 1.2 : 1 / 1.2);
    }, {passive: false});
    var drag = null;
    this.stage.addEventListener('pointerdown', function (e) {
      drag = {x: e.clientX - self.state.x, y: e.clientY - self.state.y};
      self.stage.classList.add('sd-dragging');
      self.stage.setPointerCapture(e.pointerId);
    });
    this.stage.addEventListener('pointermove', function (e) {
      if (drag) {
        self.state.x = e.clientX - drag.x;
        self.state.y = e.clientY - drag.y;
        self.apply();
      }
    });
    this.stage.addEventListener('pointerup', function () {
      drag = null;
      self.stage.classList.remove('sd-dragging');
    });
    document.addEventListener('keydown', function (e) {
      if (!self.root.classList.contains('sd-open')) {
        return;
      }
      var keys = {Escape: 'close', ArrowLeft: 'previous', ArrowRight: 'next', '+': 'zoomIn', '=': 'zoomIn',
        '-': 'zoomOut', r: 'rotateRight', R: 'rotateLeft', '0': 'reset'};
      var action = keys[e.key];
      if (action) {
        e.preventDefault();
        self[action]();
      }
    });
    // Leaving the task (Tasklist changes the hash) closes the viewer.
    window.addEventListener('hashchange', function () {
      self.close();
    });
  }

  Viewer.prototype.setTexts = function (texts) {
    var self = this;
    this.bar.textContent = '';
    [['previous', '◀'], ['next', '▶'], ['rotateLeft', '⟲'], ['rotateRight', '⟳'], ['zoomOut', '－'],
      ['zoomIn', '＋'], ['reset', '1:1'], ['close', '✕']].forEach(function (b) {
      var label = texts['viewer.' + b[0]] || b[0];
      self.bar.appendChild(el('button', {type: 'button', title: label, 'aria-label': label, 'data-action': b[0],
        text: b[1] + ' ' + label, onclick: function () { self[b[0]](); }}));
    });
    this.bar.appendChild(this.caption);
  };

  Viewer.prototype.open = function (images, index, texts, watermarkText) {
    this.setTexts(texts);
    this.images = images;
    this.mark.style.backgroundImage = watermarkStyle(watermarkText);
    this.show(index);
    this.root.classList.add('sd-open');
  };

  Viewer.prototype.show = function (index) {
    if (!this.images.length) {
      return;
    }
    this.index = (index + this.images.length) % this.images.length;
    var image = this.images[this.index];
    this.state = {rotate: 0, scale: 1, x: 0, y: 0};
    this.img.src = image.url;
    this.caption.textContent = image.caption + '  (' + (this.index + 1) + '/' + this.images.length + ')';
    this.apply();
  };

  Viewer.prototype.apply = function () {
    var s = this.state;
    this.img.style.transform = 'translate(' + s.x + 'px,' + s.y + 'px) rotate(' + s.rotate + 'deg) scale(' + s.scale + ')';
  };
  Viewer.prototype.zoom = function (factor) {
    this.state.scale = Math.min(8, Math.max(0.2, this.state.scale * factor));
    this.apply();
  };
  Viewer.prototype.zoomIn = function () { this.zoom(1.25); };
  Viewer.prototype.zoomOut = function () { this.zoom(1 / 1.25); };
  Viewer.prototype.rotateLeft = function () { this.state.rotate -= 90; this.apply(); };
  Viewer.prototype.rotateRight = function () { this.state.rotate += 90; this.apply(); };
  Viewer.prototype.reset = function () { this.state = {rotate: 0, scale: 1, x: 0, y: 0}; this.apply(); };
  Viewer.prototype.previous = function () { this.show(this.index - 1); };
  Viewer.prototype.next = function () { this.show(this.index + 1); };
  Viewer.prototype.close = function () {
    this.root.classList.remove('sd-open');
    this.img.removeAttribute('src');
  };

  function theViewer() {
    if (!viewer || !document.body.contains(viewer.root)) {
      viewer = new Viewer();
    }
    return viewer;
  }

  // The desk //////////////////////////////////////////////////////////////////////////////////////////

  function Desk(camForm, level, root) {
    this.camForm = camForm;
    this.level = level;
    this.root = root;
    this.texts = {};
    this.review = null;
    this.verdicts = {};
    this.decision = null;
    this.pending = null;
  }

  Desk.prototype.t = function (key) {
    var text = this.texts[key];
    return text === undefined ? key : text;
  };

  Desk.prototype.headers = function (json) {
    var headers = {'Accept': 'application/json', 'Accept-Language': language()};
    if (json) {
      headers['Content-Type'] = 'application/json';
      var token = csrfToken();
      if (token) {
        headers[CSRF_HEADER] = token;
      }
    }
    return headers;
  };

  Desk.prototype.load = function () {
    var self = this;
    this.root.textContent = '';
    this.root.appendChild(el('p', {'class': 'sd-loading', text: language() === 'en' ? 'Loading...' : '正在加载……'}));
    return fetch(API + '/tasks/' + encodeURIComponent(this.camForm.taskId), {
      credentials: 'same-origin', headers: this.headers(false)
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (body) {
        if (!response.ok) {
          throw new Error(body.detail || ('HTTP ' + response.status));
        }
        return body;
      });
    }).then(function (body) {
      self.texts = body.texts || {};
      self.review = body.review;
      // One form serves both review tasks: the level is the task's own.
      if (self.review.task) {
        self.level = self.review.task.level;
      }
      self.render();
    }).catch(function (error) {
      self.root.textContent = '';
      self.root.appendChild(el('p', {'class': 'sd-error', role: 'alert',
        text: (self.texts.loadFailed || '考生材料加载失败：') + ' ' + error.message}));
    });
  };

  /** The watermark's time is Asia/Shanghai's, whatever the zone of the reviewer's computer. */
  Desk.prototype.watermarkText = function () {
    var parts = {};
    new Intl.DateTimeFormat('en-GB', {timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit',
      hour: '2-digit', minute: '2-digit', hourCycle: 'h23'}).formatToParts(new Date()).forEach(function (p) {
      parts[p.type] = p.value;
    });
    return this.t('watermark') + '  ' + this.review.viewer + '  ' + parts.year + '-' + parts.month + '-' + parts.day +
      ' ' + parts.hour + ':' + parts.minute;
  };

  Desk.prototype.render = function () {
    var review = this.review;
    var self = this;
    var root = this.root;
    root.textContent = '';
    root.classList.add('sd');
    this.allImages = [];

    var languageLink = el('a', {href: '#', 'class': 'sd-lang', text: this.t('language'), onclick: function (e) {
      e.preventDefault();
      try {
        window.localStorage.setItem(LANG_KEY, language() === 'en' ? 'zh' : 'en');
      } catch (ignored) { /* private mode: stay in the current language */ }
      self.load();
    }});
    var head = el('div', {'class': 'sd-head'}, [
      el('h3', {text: this.t('title.' + this.level) + '：' + review.candidate.name}),
      review.task && review.task.afterSupplement
        ? (review.task.supplementUnanswered
          ? badge(this.t('supplementUnanswered'), 'warn', 'SUPPLEMENT_UNANSWERED')
          : badge(this.t('afterSupplement'), 'info', 'AFTER_SUPPLEMENT'))
        : null,
      review.task && review.task.due ? badge(this.t('due') + ' ' + review.task.due, 'warn') : null,
      languageLink
    ]);
    root.appendChild(head);

    if (review.siteRecommendation) {
      var rec = review.siteRecommendation;
      root.appendChild(el('div', {'class': 'sd-banner', role: 'note', 'data-recommendation': rec.decision}, [
        el('strong', {text: this.t('recommendation') + '：'}),
        rec.reason || '', '  (' + rec.reviewer + ', ' + rec.decidedAt + ')'
      ]));
    }

    root.appendChild(this.renderSummary(review.candidate));

    root.appendChild(el('h4', {text: this.t('materials')}));
    review.materials.forEach(function (material) {
      root.appendChild(self.renderMaterial(material));
    });

    root.appendChild(el('h4', {text: this.t('history')}));
    root.appendChild(this.renderHistory(review.decisions));

    root.appendChild(el('h4', {text: this.t('decision')}));
    root.appendChild(this.renderDecision(review.task));

    this.errorBox = el('div', {'class': 'sd-error', role: 'alert', 'aria-live': 'assertive', id: 'sd-error'});
    this.statusBox = el('div', {'class': 'sd-status', role: 'status', id: 'sd-status'});
    root.appendChild(this.errorBox);
    root.appendChild(this.statusBox);
  };

  Desk.prototype.renderSummary = function (c) {
    var self = this;
    var rows = [['registrationNo', c.registrationNo], ['name', c.name], ['idNumber', c.maskedIdNumber],
      ['examCategory', c.examCategory], ['district', c.districtCode + ' ' + c.districtName],
      ['site', c.siteCode + ' ' + c.siteName], ['phase', c.phaseLabel], ['submittedAt', c.submittedAt || '—'],
      ['supplementDeadline', c.supplementDeadline || '—']];
    var dl = el('dl', {'class': 'sd-summary', 'aria-label': this.t('candidate')});
    rows.forEach(function (row) {
      dl.appendChild(el('dt', {text: self.t(row[0])}));
      dl.appendChild(el('dd', {text: row[1], 'data-field': row[0]}));
    });
    return dl;
  };

  Desk.prototype.renderThumb = function (image, material, replaced) {
    var self = this;
    var index = this.allImages.length;
    this.allImages.push({url: image.url, caption: material.name + (replaced ? ' · ' + this.t('replacedImages') : '') +
      ' · ' + (image.uploadedAt || '')});
    var img = el('img', {'class': 'sd-thumb-img', src: image.thumbUrl, alt: material.name, loading: 'lazy',
      'data-image-id': image.id});
    img.addEventListener('error', function () {
      img.replaceWith(el('span', {'class': 'sd-badge sd-danger', text: '✕'}));
    });
    var flags = el('div', {'class': 'sd-thumb-flags'}, (image.flags || []).map(function (f) {
      return badge(f.text, flagKind(f.code), f.code);
    }));
    var open = function () {
      theViewer().open(self.allImages, index, self.texts, self.watermarkText());
    };
    // A div, not a button: Tasklist disables the form's buttons until the task is claimed, the viewer must still work.
    return el('div', {'class': 'sd-thumb' + (replaced ? ' sd-replaced' : ''), role: 'button', tabindex: '0',
      title: material.name, 'data-image-id': image.id, onclick: open,
      onkeydown: function (e) { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); open(); } }},
    [img, watermark(this.watermarkText()), flags]);
  };

  Desk.prototype.renderMaterial = function (m) {
    var self = this;
    var state = this.verdicts[m.typeCode] = this.verdicts[m.typeCode] ||
      {verdict: m.images.length ? 'OK' : null, reasons: [], text: ''};
    var card = el('section', {'class': 'sd-material', 'data-type-code': m.typeCode});

    var head = el('div', {'class': 'sd-material-head'}, [
      el('strong', {text: m.name}),
      badge(m.required ? this.t('required') : this.t('optional'), m.required ? 'warn' : null),
      badge(m.images.length + ' ' + this.t('count'))
    ]);
    m.flags.forEach(function (f) {
      head.appendChild(badge(f.text, flagKind(f.code), f.code));
    });
    card.appendChild(head);
    card.appendChild(el('div', {'class': 'sd-desc', text: m.description}));

    var thumbs = el('div', {'class': 'sd-thumbs'});
    m.images.forEach(function (image) {
      thumbs.appendChild(self.renderThumb(image, m, false));
    });
    if (!m.images.length) {
      thumbs.appendChild(el('span', {'class': 'sd-desc', text: this.t('noImages')}));
    }
    card.appendChild(thumbs);

    if (m.replacedImages.length) {
      var older = el('div', {'class': 'sd-thumbs'});
      m.replacedImages.forEach(function (image) {
        older.appendChild(self.renderThumb(image, m, true));
      });
      card.appendChild(el('details', {}, [el('summary', {text: this.t('replacedImages') + ' (' + m.replacedImages.length + ')'}), older]));
    }

    if (m.lastVerdict) {
      var lv = m.lastVerdict;
      card.appendChild(el('div', {'class': 'sd-last'}, [this.t('lastVerdict') + '：' + lv.levelLabel + ' · ' +
        lv.verdictLabel + (lv.reason ? '（' + lv.reason + '）' : '') + ' · ' + lv.decidedAt]));
    }

    if (!this.review.task) {
      return card;
    }
    var name = 'sd-verdict-' + m.typeCode;
    var update = function () {
      card.classList.toggle('sd-marked-replace', state.verdict === 'REPLACE');
    };
    var verdict = el('div', {'class': 'sd-verdict'}, [el('span', {text: this.t('verdict') + '：'})]);
    ['OK', 'REPLACE'].forEach(function (value) {
      verdict.appendChild(el('label', {}, [el('input', {type: 'radio', name: name, value: value,
        'data-verdict': value, checked: state.verdict === value,
        onchange: function () { state.verdict = value; update(); }}), ' ' + self.t('verdict.' + value)]));
    });
    card.appendChild(verdict);

    var reasons = el('div', {'class': 'sd-reasons'}, [el('span', {text: this.t('commonReasons') + '：'})]);
    this.review.commonReasons.forEach(function (reason) {
      reasons.appendChild(el('label', {}, [el('input', {type: 'checkbox', value: reason, 'data-reason': reason,
        checked: state.reasons.indexOf(reason) >= 0,
        onchange: function (e) {
          if (e.target.checked) {
            state.reasons.push(reason);
          } else {
            state.reasons = state.reasons.filter(function (r) { return r !== reason; });
          }
        }}), ' ' + reason]));
    });
    reasons.appendChild(el('input', {type: 'text', 'class': 'form-control', maxlength: '200', value: state.text,
      'data-reason-text': m.typeCode, placeholder: this.t('reasonPlaceholder'), 'aria-label': this.t('reason'),
      oninput: function (e) { state.text = e.target.value; }}));
    card.appendChild(reasons);
    update();
    return card;
  };

  Desk.prototype.renderHistory = function (decisions) {
    var self = this;
    if (!decisions.length) {
      return el('p', {'class': 'sd-desc', text: this.t('noHistory')});
    }
    var head = el('tr', {}, ['historyTime', 'historyLevel', 'historyDecision', 'historyReason', 'historyMaterials',
      'historyReviewer'].map(function (key) { return el('th', {text: self.t(key)}); }));
    var body = el('tbody');
    decisions.forEach(function (d) {
      var materials = d.materials.filter(function (v) { return v.verdict === 'REPLACE'; })
        .map(function (v) { return v.typeName + '：' + v.verdictLabel + (v.reason ? '（' + v.reason + '）' : ''); });
      var notes = [];
      if (d.supplementAnsweredAt) {
        notes.push(format(self.t('supplementAnswered'), [d.supplementAnsweredAt]));
      }
      if (d.supplementExpiredAt) {
        notes.push(format(self.t('supplementExpired'), [d.supplementExpiredAt]));
      }
      body.appendChild(el('tr', {'data-decision': d.decision, 'data-level': d.level}, [
        el('td', {text: d.decidedAt}), el('td', {text: d.levelLabel}),
        el('td', {}, [d.decisionLabel].concat(notes.map(function (n) { return el('div', {'class': 'sd-desc', text: n}); }))),
        el('td', {text: d.reason || ''}), el('td', {text: materials.join('；')}), el('td', {text: d.reviewer})
      ]));
    });
    return el('table', {'class': 'sd-history'}, [el('thead', {}, [head]), body]);
  };

  Desk.prototype.renderDecision = function (task) {
    var self = this;
    if (!task) {
      return el('p', {'class': 'sd-desc', text: '—'});
    }
    var box = el('div', {'class': 'sd-decision', role: 'radiogroup', 'aria-label': this.t('decision')});
    task.decisions.forEach(function (option) {
      box.appendChild(el('label', {}, [el('input', {type: 'radio', name: 'sd-decision', value: option.value,
        'data-decision': option.value, checked: self.decision === option.value,
        onchange: function () { self.decision = option.value; }}), ' ' + option.label]));
    });
    if (this.level === 'SITE') {
      box.appendChild(el('p', {'class': 'sd-desc', text: this.t('rejectHint')}));
    }
    var maxReason = task.decisions.length ? task.decisions[0].maxReason : 500;
    this.reasonInput = el('textarea', {'class': 'form-control', id: 'sd-decision-reason', maxlength: String(maxReason),
      placeholder: this.t('decisionReasonPlaceholder')});
    box.appendChild(el('label', {'for': 'sd-decision-reason', text: this.t('decisionReason')}));
    box.appendChild(this.reasonInput);
    return box;
  };

  /** The decision as the API takes it, or the reasons why it cannot be sent yet. */
  Desk.prototype.collect = function () {
    var self = this;
    var problems = [];
    var materials = [];
    var missingReason = [];
    this.review.materials.forEach(function (m) {
      var state = self.verdicts[m.typeCode];
      if (!state || !state.verdict) {
        return;
      }
      var reason = state.reasons.slice();
      if (state.text && state.text.trim()) {
        reason.push(state.text.trim());
      }
      if (state.verdict === 'REPLACE' && !reason.length) {
        missingReason.push(m.name);
      }
      materials.push({typeCode: m.typeCode, verdict: state.verdict, reason: reason.join('；') || null});
    });
    var anyReplace = materials.some(function (v) { return v.verdict === 'REPLACE'; });
    var reason = this.reasonInput ? this.reasonInput.value.trim() : '';
    if (!this.decision) {
      problems.push(this.t('error.chooseDecision'));
    }
    if (missingReason.length) {
      problems.push(this.t('error.replaceReason') + missingReason.join('、'));
    }
    // The decision's rules come with the case (ReviewCase.Option, from Decision on the server): only mirrored here.
    var option = (this.review.task ? this.review.task.decisions : []).filter(function (o) {
      return o.value === self.decision;
    })[0];
    if (option && option.replacements === 'REQUIRED' && !anyReplace) {
      problems.push(this.t('error.supplementNeedsReplace'));
    }
    if (option && option.replacements === 'FORBIDDEN' && anyReplace) {
      problems.push(this.t('error.passWithReplace'));
    }
    if (option && option.reasonRequired && !reason) {
      problems.push(this.t('error.rejectReason'));
    }
    return {problems: problems, body: {decision: this.decision, reason: reason || null, materials: materials}};
  };

  Desk.prototype.showError = function (text) {
    if (this.errorBox) {
      this.errorBox.textContent = text || '';
      if (text) {
        this.errorBox.scrollIntoView({block: 'center'});
      }
    }
  };

  /** camForm 'submit': checked here first, so that an obvious mistake does not even reach the server. */
  Desk.prototype.onSubmit = function () {
    this.pending = null;
    if (!this.review || !this.review.task) {
      this.camForm.submitPrevented = true;
      return;
    }
    var collected = this.collect();
    if (collected.problems.length) {
      this.showError(collected.problems.join('\n'));
      this.camForm.submitPrevented = true;
      return;
    }
    this.showError('');
    this.pending = collected.body;
  };

  /** Replaces camForm.submitVariables: the reviewer API validates, records and completes the task. */
  Desk.prototype.submitVariables = function (done) {
    var self = this;
    done = done || function () {};
    if (!this.pending) {
      return done(new Error('camForm submission prevented'));
    }
    this.statusBox.textContent = this.t('sending');
    fetch(API + '/tasks/' + encodeURIComponent(this.camForm.taskId) + '/decision', {
      method: 'POST', credentials: 'same-origin', headers: this.headers(true), body: JSON.stringify(this.pending)
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (body) {
        if (!response.ok) {
          throw new Error(body.detail || ('HTTP ' + response.status));
        }
        return body;
      });
    }).then(function (result) {
      self.statusBox.textContent = self.t('sent');
      theViewer().close();
      done(null, result);
    }).catch(function (error) {
      self.statusBox.textContent = '';
      self.showError(error.message);
      done(error);
    });
  };

  window.ShenchaReviewDesk = {
    /** Called by the form's cam-script with its camForm (the level, SITE or DISTRICT, comes with the task). */
    mount: function (camForm, level) {
      ensureStylesheet();
      var root = camForm.formElement[0].querySelector('[data-shencha-desk]');
      var desk = new Desk(camForm, level, root);
      camForm.shenchaDesk = desk;
      camForm.on('submit', function () { desk.onSubmit(); });
      camForm.submitVariables = function (done) { desk.submitVariables(done); };
      desk.load();
      return desk;
    }
  };
})(window, document);
