// The clinic page's chat: a launcher button that opens a panel holding the official Web Chat widget.
// The page never holds a secret: it asks the bot's own token endpoint and talks Direct Line with that token.
(() => {
  'use strict';

  const launcher = document.getElementById('chat-launcher');
  const panel = document.getElementById('chat-panel');
  const closeButton = document.getElementById('chat-close');
  const title = document.getElementById('chat-title');
  const host = document.getElementById('webchat');
  const status = document.getElementById('chat-status');

  // ?transport=polling lets tests (and clinics behind proxies that block WebSockets) use HTTP polling instead.
  const usePolling = new URLSearchParams(window.location.search).get('transport') === 'polling';

  const configPromise = fetch('api/webchat/config', { headers: { Accept: 'application/json' } })
    .then(response => (response.ok ? response.json() : Promise.reject(new Error(`config ${response.status}`))))
    .then(config => {
      applyClinic(config);
      return config;
    });

  const ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive';
  let started = false;

  function applyClinic(config) {
    const root = document.documentElement.style;
    root.setProperty('--accent', config.accentColor);
    root.setProperty('--accent-text', config.accentTextColor);
    document.title = `${config.clinicName}: questions and answers`;
    setText('[data-clinic-name]', config.clinicName);
    setText('[data-clinic-phone]', config.phone);
    setText('[data-clinic-emergency]', config.emergencyNumber);
    document.querySelectorAll('[data-clinic-phone-link]').forEach(link => {
      link.href = `tel:${config.phone.replace(/[^+\d]/g, '')}`;
    });
    if (config.avatarUrl) {
      document.querySelectorAll('[data-clinic-avatar]').forEach(image => { image.src = config.avatarUrl; });
    }
  }

  function setText(selector, text) {
    if (text) {
      document.querySelectorAll(selector).forEach(element => { element.textContent = text; });
    }
  }

  function openPanel() {
    panel.hidden = false;
    launcher.setAttribute('aria-expanded', 'true');
    // Focus lands in the panel at once; the send box takes it over as soon as Web Chat has drawn it.
    const sendBox = findSendBox();
    (sendBox || title).focus();
    if (!started) {
      started = true;
      startChat().catch(() => {
        // Opening the panel again tries again (the server may have been restarting).
        started = false;
        showError();
      });
    }
  }

  function closePanel() {
    panel.hidden = true;
    launcher.setAttribute('aria-expanded', 'false');
    launcher.focus();
  }

  function findSendBox() {
    return host.querySelector('[data-id="webchat-sendbox-input"]');
  }

  // Each chat gets a number; a failing old chat must not restart a newer one.
  let chatNumber = 0;

  // `carryOver` is what the patient had typed (or tried to send) when the previous chat failed for good.
  async function startChat(carryOver) {
    status.textContent = '';
    status.classList.remove('chat-panel__status--notice');
    const config = await configPromise;
    const response = await fetch('api/directline/token', { method: 'POST', headers: { Accept: 'application/json' } });
    if (!response.ok) {
      throw new Error(`token ${response.status}`);
    }
    const { token, domain } = await response.json();

    // No conversationId here: Direct Line JS would then resume instead of starting, and the welcome would never come.
    const directLine = window.WebChat.createDirectLine({ token, domain, webSocket: !usePolling });
    const number = ++chatNumber;
    const store = window.WebChat.createStore(
      {},
      showCardsWithoutTheirFallbackText,
      restartWhenTheConnectionIsLostForGood(number, directLine)
    );

    window.WebChat.renderWebChat(
      {
        directLine,
        store,
        locale: config.locale,
        styleOptions: styleOptionsFor(config),
        adaptiveCardsHostConfig: cardHostConfigFor(config),
      },
      host
    );

    if (carryOver !== undefined) {
      if (carryOver) {
        store.dispatch({ type: 'WEB_CHAT/SET_SEND_BOX', payload: { text: carryOver } });
      }
      status.classList.add('chat-panel__status--notice');
      status.textContent = 'The chat was restarted. Please ask again.';
    }

    focusSendBoxWhenReady();
  }

  // Direct Line JS gives up on a conversation the bot no longer knows (the bot restarted, every deploy) or a token it
  // no longer accepts: the transcript would show "Send failed. Retry" and no retry could work. A new token and a new
  // conversation can, so the page starts one by itself and gives the patient back what they had typed or sent.
  const EXPIRED_TOKEN = 3;
  const FAILED_TO_CONNECT = 4;
  const ENDED = 5;
  const STATUS_ACTIONS = ['DIRECT_LINE/CONNECTION_STATUS_UPDATE', 'DIRECT_LINE/UPDATE_CONNECTION_STATUS'];

  function restartWhenTheConnectionIsLostForGood(number, directLine) {
    const unsent = new Map();
    let restarting = false;
    return ({ getState }) => next => action => {
      const result = next(action);
      if (restarting || number !== chatNumber) {
        return result;
      }

      // Messages on their way: a message the bot never got goes back into the send box.
      if (action.type === 'DIRECT_LINE/POST_ACTIVITY_PENDING' && action.meta) {
        unsent.set(action.meta.clientActivityID, (action.payload.activity || {}).text || '');
      } else if (action.type === 'DIRECT_LINE/POST_ACTIVITY_FULFILLED' && action.meta) {
        unsent.delete(action.meta.clientActivityID);
        // Once the patient has asked again, the restart notice has done its job.
        if (status.classList.contains('chat-panel__status--notice')) {
          status.textContent = '';
          status.classList.remove('chat-panel__status--notice');
        }
      }

      // Web Chat reports a status change twice, from two sagas, and the one that ends the connection can cancel the
      // other before it reports: so look at each report and at the state the "Unable to connect" banner is drawn from.
      const lost =
        (STATUS_ACTIONS.includes(action.type)
          && [EXPIRED_TOKEN, FAILED_TO_CONNECT, ENDED].includes(action.payload.connectionStatus))
        || action.type === 'DIRECT_LINE/POST_ACTIVITY_REJECTED'
        || getState().connectivityStatus === 'error';
      if (lost) {
        restarting = true;
        const lastUnsent = [...unsent.values()].filter(Boolean).pop();
        const typed = (getState().sendBoxValue || '').trim();
        // Outside Redux's dispatch: the old chat is torn down and a new one drawn in its place.
        setTimeout(() => restartChat(directLine, typed || lastUnsent || ''), 0);
      }

      return result;
    };
  }

  // A bot that keeps failing (a broken deploy) must not be restarted in a loop: after a few tries, ask them to call.
  const MAX_RESTARTS = 3;
  let restarts = 0;

  function restartChat(oldDirectLine, carryOver) {
    if (++restarts > MAX_RESTARTS) {
      showError();
      return;
    }

    try {
      oldDirectLine.end();
    } catch {
      // Already ended: nothing to stop.
    }

    startChat(carryOver).catch(showError);
  }

  // The bot fills `text` beside its Adaptive Card for channels that cannot draw cards. Web Chat draws both, so the
  // patient would read every answer twice; the card holds the same passage, citation and safeguard.
  function showCardsWithoutTheirFallbackText() {
    return next => action => {
      const activity = action.type === 'DIRECT_LINE/INCOMING_ACTIVITY' && action.payload.activity;
      const hasCard = activity && (activity.attachments || []).some(a => a.contentType === ADAPTIVE_CARD);
      if (hasCard && activity.text && activity.from && activity.from.role === 'bot') {
        const { text, ...withoutText } = activity;
        return next({ ...action, payload: { ...action.payload, activity: withoutText } });
      }
      return next(action);
    };
  }

  function styleOptionsFor(config) {
    return {
      accent: config.accentColor,
      botAvatarImage: config.avatarUrl || undefined,
      botAvatarInitials: config.avatarInitials,
      userAvatarInitials: 'You',
      bubbleFromUserBackground: config.accentColor,
      bubbleFromUserTextColor: config.accentTextColor,
      // Adaptive Card buttons (feedback) show their pressed state in the clinic's colour, not Web Chat's blue.
      cardPushButtonBackgroundColor: config.accentColor,
      cardPushButtonTextColor: config.accentTextColor,
      bubbleBorderRadius: 8,
      bubbleFromUserBorderRadius: 8,
      bubbleMaxWidth: 600,
      // Patients must not send photos of their skin here (health data); the server refuses uploads too.
      hideUploadButton: true,
      suggestedActionLayout: 'flow',
      suggestedActionBackgroundColor: '#ffffff',
      suggestedActionBorderColor: config.accentColor,
      suggestedActionTextColor: config.accentColor,
      primaryFont: getComputedStyle(document.documentElement).fontFamily,
      // Answers are taller than the transcript: scrolling stops when a new answer's top reaches the top of the
      // transcript, so the patient reads it from its first line instead of landing on its feedback buttons.
      autoScrollSnapOnPage: true,
      autoScrollSnapOnPageOffset: 0,
    };
  }

  // Adaptive Cards draw text at 14 px and actions as full-width blocks by default. On this page card text is read at
  // the same 16 px as the rest of the page, citation and safeguard at 14 px, and the feedback buttons sit side by side.
  function cardHostConfigFor(config) {
    const text = { default: '#1f2328', subtle: '#4b5563' };
    return {
      supportsInteractivity: true,
      fontFamily: getComputedStyle(document.documentElement).fontFamily,
      fontSizes: { small: 14, default: 16, medium: 18, large: 21, extraLarge: 26 },
      lineHeights: { small: 20, default: 24, medium: 26, large: 28, extraLarge: 34 },
      spacing: { small: 4, default: 8, medium: 16, large: 24, extraLarge: 32, padding: 0 },
      containerStyles: {
        default: {
          foregroundColors: {
            default: text,
            accent: { default: config.accentColor, subtle: config.accentColor },
            attention: { default: '#a4262c', subtle: '#a4262c' },
          },
        },
      },
      actions: {
        actionAlignment: 'left',
        actionsOrientation: 'horizontal',
        buttonSpacing: 8,
        maxActions: 100,
        spacing: 'default',
        showCard: { actionMode: 'inline', inlineTopMargin: 8 },
      },
      adaptiveCard: { allowCustomStyle: false },
      textBlock: { headingLevel: 2 },
    };
  }

  function focusSendBoxWhenReady() {
    const observer = new MutationObserver(() => {
      const sendBox = findSendBox();
      if (sendBox) {
        observer.disconnect();
        // Only take focus if the patient is still in the panel (they may have closed it meanwhile).
        if (!panel.hidden && (document.activeElement === title || document.activeElement === document.body)) {
          sendBox.focus();
        }
      }
    });
    observer.observe(host, { childList: true, subtree: true });
  }

  function showError() {
    status.textContent = 'Sorry, the chat is unavailable right now. Please call the clinic instead.';
    configPromise.then(config => {
      status.textContent = `Sorry, the chat is unavailable right now. Please call the clinic on ${config.phone}.`;
    }, () => {});
  }

  launcher.addEventListener('click', () => (panel.hidden ? openPanel() : closePanel()));
  closeButton.addEventListener('click', closePanel);

  // Web Chat uses Escape inside its transcript and cards (a step back out) and marks that event handled; any other
  // Escape in the panel closes it. Listening on window runs after Web Chat's own handlers, wherever React attaches them.
  window.addEventListener('keydown', event => {
    if (event.key === 'Escape' && !event.defaultPrevented && !panel.hidden && panel.contains(event.target)) {
      event.preventDefault();
      closePanel();
    }
  });

  configPromise.catch(() => {});
})();
