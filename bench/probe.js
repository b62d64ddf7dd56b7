// In-page instrumentation for the benchmark, installed with page.addInitScript before any of the
// page's own scripts run. Plain browser script (no imports): `window.__benchInit(config)` sets up
// `window.__bench`, which bench/measure.mjs drives through page.evaluate.
//
// Method:
// - First event visible (`firstVisible`, and the promise `visible`): a MutationObserver (child
//   lists) schedules a check in the next animation frame; the check looks for a marker
//   (`config.marker`) whose box (`config.hit` inside it, if given) is non-empty and inside the
//   viewport. Checking in an animation frame means styles are in (render-blocking CSS has loaded)
//   and the marker is painted in that very frame; the time is taken at the first of two moments
//   that can only come after that frame's rendering: a task posted from it, and the next frame's
//   animation-frame callbacks. (While a page is still being parsed, Chromium runs the parser's
//   tasks before a posted task, which would count parsing that comes after the paint; the next
//   frame is not held back that way.)
// - Fully running (only with `config.ready`): a MutationObserver on class records performance.now()
//   when `config.ready` first matches.
// - Handled click: a MutationObserver on class / aria-pressed and child lists records
//   performance.now() when `config.handled` first matches.
// - Input to paint of a step: from the input event's `timeStamp` (capture listener on window) to
//   the end of the first frame after the DOM reflects the step: the first DOM mutation after the
//   input (optionally: until a text changes) → the frame that paints it → a task after that frame.
//   A mutation made inside the frame's own animation-frame callbacks is painted by that same frame,
//   so requestAnimationFrame is wrapped to know whether a frame's rendering steps are under way.
//   This includes the browser's routing of the input before any page code runs (about 13-25 ms
//   for a wheel turn in headless Chromium, on a page that does nothing).
// - Frame time of a step: the same end, but from the moment the page's handling starts (that
//   capture listener, which runs before the page's own). Chromium runs wheel and pointer-move
//   handlers at the start of a frame, so for those this is the time the page's frame takes, from
//   its handlers to its paint. A click is handled in a task of its own; the idle time between
//   that task's end and the next frame's animation-frame callbacks is subtracted.
// - A step with no DOM change within 1 s after its input was handled (and the next frame) is
//   reported as not applicable.
window.__benchInit = (config) => {
  if (window !== window.top || window.__bench) return;
  const nativeRaf = window.requestAnimationFrame.bind(window);

  // Tasks: a MessageChannel message runs as a task, after the current frame's rendering.
  const channel = new MessageChannel();
  const tasks = [];
  channel.port1.onmessage = () => tasks.shift()();
  const postTask = (fn) => {
    tasks.push(fn);
    channel.port2.postMessage(0);
  };

  // True from the first animation-frame callback of a frame until a task after that frame.
  let inFrame = false;
  const markFrame = () => {
    if (!inFrame) {
      inFrame = true;
      postTask(() => (inFrame = false));
    }
  };
  window.requestAnimationFrame = function requestAnimationFrame(cb) {
    return nativeRaf((t) => {
      markFrame();
      return cb(t);
    });
  };
  /** Calls `fn` in a task right after the frame that paints the current DOM. */
  const afterFrame = (fn) => {
    if (inFrame) postTask(fn);
    else
      nativeRaf(() => {
        markFrame();
        postTask(fn);
      });
  };

  /** The box of a marker: of its `config.hit` part if it has one (what a reader sees and clicks). */
  const boxOf = (el) => ((config.hit && el.querySelector(config.hit)) || el).getBoundingClientRect();
  const inViewport = (r) =>
    r.width > 0 && r.height > 0 && r.right > 0 && r.bottom > 0 && r.left < innerWidth && r.top < innerHeight;

  let visible;
  const B = (window.__bench = {
    firstVisible: null,
    // Resolves to firstVisible: the harness awaits it through CDP (see bench/measure.mjs).
    visible: new Promise((ok) => (visible = ok)),
    handled: null,
    step: null,
    lastMutation: 0,
  });

  // First event visible.
  let checkPending = false;
  const checkVisible = () => {
    checkPending = false;
    if (B.firstVisible !== null) return;
    const all = document.querySelectorAll(config.marker);
    for (const el of all) {
      if (inViewport(boxOf(el))) {
        visibleObserver.disconnect();
        const record = () => {
          if (B.firstVisible !== null) return;
          B.firstVisible = performance.now();
          visible(B.firstVisible);
        };
        postTask(record);
        nativeRaf(record);
        return;
      }
    }
    // Markers exist but none is laid out in view yet: look again next frame.
    if (all.length) scheduleCheck();
  };
  const scheduleCheck = () => {
    if (checkPending) return;
    checkPending = true;
    nativeRaf(() => {
      markFrame();
      checkVisible();
    });
  };
  const visibleObserver = new MutationObserver(scheduleCheck);
  visibleObserver.observe(document, { childList: true, subtree: true });

  /** Starts watching for the handled state of a click; false if it is already there. */
  // Fully running (pages that answer a click before all of their code has run, i.e. ours): the
  // time `config.ready` first matches, from class changes (the parser makes none).
  B.ready = config.ready ? null : undefined;
  if (config.ready) {
    const readyObserver = new MutationObserver(() => {
      if (B.ready === null && document.querySelector(config.ready)) {
        B.ready = performance.now();
        readyObserver.disconnect();
      }
    });
    readyObserver.observe(document, { attributes: true, subtree: true, attributeFilter: ['class'] });
  }

  B.watchHandled = () => {
    if (document.querySelector(config.handled)) return false;
    const observer = new MutationObserver(() => {
      if (B.handled === null && document.querySelector(config.handled)) {
        B.handled = performance.now();
        observer.disconnect();
      }
    });
    observer.observe(document, { attributes: true, childList: true, subtree: true, attributeFilter: ['class', 'aria-pressed'] });
    return true;
  };

  /**
   * The click target: the centre of the leftmost visible marker whose centre hits a marker (or of
   * the leftmost visible marker if none does, e.g. while a page is inert). The marker is chosen
   * once and kept while it stays in view, so the loop of clicks costs the page little.
   */
  let target = null;
  const centre = (r) => ({
    x: Math.min(Math.max(r.left + r.width / 2, 1), innerWidth - 1),
    y: Math.min(Math.max(r.top + r.height / 2, 1), innerHeight - 1),
  });
  const pick = () => {
    const visible = [];
    for (const el of document.querySelectorAll(config.marker)) {
      const r = boxOf(el);
      if (inViewport(r)) visible.push([r.left, el, centre(r)]);
    }
    visible.sort((a, b) => a[0] - b[0]);
    const hits = visible.find(([, , c]) => document.elementFromPoint(c.x, c.y)?.closest(config.marker));
    target = (hits ?? visible[0])?.[1] ?? null;
  };
  B.clickTarget = () => {
    if (B.handled !== null) return { handled: true };
    if (!target || !target.isConnected || !inViewport(boxOf(target))) pick();
    return target ? centre(boxOf(target)) : { none: true };
  };

  // Step timing: one observer for the whole document, started after load by startSteps().
  const stepTypes = ['wheel', 'pointermove', 'click', 'keydown'];
  for (const type of stepTypes) {
    window.addEventListener(
      type,
      (e) => {
        const s = B.step;
        if (!s || s.start !== null || e.type !== s.type) return;
        s.start = e.timeStamp;
        // The frame time starts when the page's handling starts (this listener runs first).
        // Chromium runs wheel and pointermove handlers inside a frame, right before its
        // animation-frame callbacks; a click's handler runs in a task of its own, and the idle
        // time from that task's end to the next frame is not the page's (see stepResult).
        s.handling = performance.now();
        postTask(() => (s.taskEnd ??= performance.now()));
        nativeRaf(() => (s.frameStart ??= performance.now()));
        // Not applicable if nothing changed within 1 s after the input's own task, and the frame
        // after that (so a change the page defers to an animation frame still counts).
        postTask(() =>
          setTimeout(
            () =>
              afterFrame(() => {
                if (!s.seen) s.na = true;
              }),
            1000,
          ),
        );
      },
      { capture: true, passive: true },
    );
  }
  const textNow = (selector) => document.querySelector(selector)?.textContent ?? null;
  B.startSteps = () => {
    B.lastMutation = performance.now();
    new MutationObserver((records) => {
      // Changes a page makes on its own timer (config.ignore) are neither a step's nor noise.
      if (config.ignore && records.every((r) => r.target.closest?.(config.ignore))) return;
      B.lastMutation = performance.now();
      const s = B.step;
      if (!s || s.start === null || s.seen) return;
      if (s.textOf && textNow(s.textOf) === s.text) return;
      s.seen = true;
      afterFrame(() => {
        s.end = performance.now();
        s.done = true;
      });
    }).observe(document, { childList: true, subtree: true, attributes: true, characterData: true });
  };
  /** Arms the next step: its input is the next event of `type`; optionally it ends on a text change. */
  B.arm = (type, textOf = null) => {
    B.step = {
      type,
      start: null,
      handling: null,
      taskEnd: null,
      frameStart: null,
      end: null,
      seen: false,
      done: false,
      na: false,
      textOf,
      text: textOf && textNow(textOf),
    };
  };
  B.stepResult = () => {
    const s = B.step;
    if (!s || s.start === null) return { input: false };
    if (s.done) {
      // Idle between the input's own task and the next frame (clicks only; zero for input that
      // is handled inside a frame, whose animation frame comes before any task after it).
      const idle = s.taskEnd !== null && s.frameStart !== null ? Math.max(0, s.frameStart - s.taskEnd) : 0;
      return { ms: s.end - s.start, frame: s.end - s.handling - idle };
    }
    if (s.na) return { na: true };
    return null;
  };
  /**
   * True once the DOM has not changed for `ms` and for the last 3 calls, and the last step's input
   * is at least `afterInput` ms old. Node polls this once per animation frame, so a page whose
   * frames are slower than `ms` (an animation under throttling) is not mistaken for a quiet one
   * between two of its frames.
   */
  let calm = 0;
  let seenMutation = -1;
  B.quiet = (ms, afterInput) => {
    calm = seenMutation === B.lastMutation ? calm + 1 : 0;
    seenMutation = B.lastMutation;
    const now = performance.now();
    const input = B.step?.start ?? -Infinity;
    return calm >= 3 && now - B.lastMutation > ms && now - input > afterInput;
  };
};
