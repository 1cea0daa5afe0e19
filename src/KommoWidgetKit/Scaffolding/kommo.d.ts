// Types of what Kommo (amoCRM) gives a widget: the widget object (`this`/`self` in the constructor), its callbacks, the
// APP/AMOCRM globals, the system Twig templates and the AMD modules Kommo provides (jquery, underscore, moment, twigjs,
// lib/components/base/modal, the text and json plugins). Written by `kommo-widget new --template ts` from the Kommo
// widget documentation and what real widgets use; they cover the documented API, not every internal of the Kommo front
// end. `kommo-widget build` keeps these modules out of the bundle: script.js asks Kommo for them through define().
//
// Replace a module's declaration with fuller types when you need them (e.g. `npm i -D @types/jquery@2` and remove the
// `declare module 'jquery'` block and the JQuery interfaces below).

declare namespace Kommo {
  /** Where the widget runs: `self.system().area` (the location without its -0/-1 suffix; Kommo also reports a few more). */
  type Area =
    | 'lcard' | 'ccard' | 'comcard' | 'cucard' | 'llist' | 'clist' | 'tlist' | 'culist' | 'tline' | 'tcalendar'
    | 'settings' | 'advanced_settings' | 'advanced-settings' | 'card_sdk' | 'catalogs' | 'digital_pipeline'
    | 'lead_sources' | 'widget_page' | 'salesbot_designer' | 'whatsapp_modal' | 'everywhere'
    | (string & {});

  /** `self.system()`: system data of the current page and user. */
  interface System {
    area: Area;
    /** The current user's id. */
    amouser_id: number;
    /** The current user's e-mail (legacy). */
    amouser: string;
    /** The current user's API key (legacy). */
    amohash: string;
    subdomain: string;
    /** Host name of the account, e.g. example.kommo.com. */
    domain: string;
    server?: string;
    displayed_count?: number;
    displayed_count_by_area?: Record<string, number>;
  }

  type InstallStatus = 'install' | 'installed' | 'not_configured';

  /** What `self.get_settings()` and `self.params` hold besides the setting values. */
  interface Params {
    widget_code: string;
    /** Base URL of the widget's files (templates, style.css, images). */
    path: string;
    images_path?: string;
    version: string;
    id?: number | string;
    active?: 'Y' | 'N' | 'S';
    widget_active?: 'Y' | 'N';
    status?: InstallStatus | 'error';
    oauth_client_uuid?: string;
    category_code?: string;
  }

  /** Values of a `users` setting: user id → value. */
  type UsersSetting = Record<string, string>;

  /** Values of a `users_lp` setting: user id → login and password. */
  type UsersLoginPasswordSetting = Record<string, { login: string; password: string }>;

  /** The i18n file of the current language, as JSON. */
  type I18n = { [key: string]: string | I18n };

  /** A compiled Twig template. */
  interface TwigTemplate {
    render(params?: object): string;
  }

  /** Kommo's own control templates, for `self.render({ ref })`. */
  type SystemTemplate =
    | '/tmpl/controls/button.twig' | '/tmpl/controls/cancel_button.twig' | '/tmpl/controls/delete_button.twig'
    | '/tmpl/controls/checkbox.twig' | '/tmpl/controls/checkboxes_dropdown.twig' | '/tmpl/controls/date_field.twig'
    | '/tmpl/controls/file.twig' | '/tmpl/controls/input.twig' | '/tmpl/controls/multiselect.twig'
    | '/tmpl/controls/radio.twig' | '/tmpl/controls/select.twig' | '/tmpl/controls/suggest.twig'
    | '/tmpl/controls/switcher.twig' | '/tmpl/controls/textarea.twig';

  /** The widget's own template, fetched from its files: `load` runs once it is there. */
  interface OwnTemplate {
    /** Path inside the widget, e.g. /templates/block.twig. */
    href: string;
    /** The widget's base path: `self.params.path`. */
    base_path: string;
    /** Cache-busting version: `self.get_version()`. */
    v?: string;
    load: (template: TwigTemplate) => void;
    promised?: boolean;
  }

  /** `self.render_template(...)`: the widget's block in the right panel of cards and lists. */
  interface PanelTemplate {
    caption?: { class_name?: string; html?: string };
    body?: string;
    /** Twig source rendered with the second argument of render_template; '' for none. */
    render?: string;
  }

  /** `self.list_selected()` in list areas. */
  interface ListSelection {
    selected: Array<{ id: number; type: string; emails: string[]; phones: string[] }>;
    summary: { items: number; emails: number; phones: number };
  }

  /** What `callbacks.onSave` receives. */
  interface SaveEvent {
    /** 'Y' on save or install, 'N' when the widget is disabled. */
    active: 'Y' | 'N';
    /** The settings fields by code; a custom field's value is a string (JSON). */
    fields: Record<string, unknown>;
  }

  /** An item of a card tab (card_sdk) or a catalog. */
  interface CatalogItem {
    id: number | string;
    sku?: string;
    name: string;
    price?: number;
  }

  interface LinkedItem extends CatalogItem {
    quantity?: number;
  }

  /** The callbacks Kommo calls; `render`, `init` and `bind_actions` must return true (or a Promise of true) for the
   * widget to go on. Each location calls the ones its docs name (kommo-widget validate checks them). */
  interface Callbacks {
    render(): boolean | Promise<boolean>;
    init(): boolean | Promise<boolean>;
    bind_actions(): boolean | Promise<boolean>;
    /** Leaving the area, or the widget was disabled: remove your DOM and handlers. */
    destroy?(): void;
    /** The settings modal opened; `$modal_body` is its right part. */
    settings?($modal_body: JQuery): boolean | void;
    /** Save or install in the settings modal, and disable (active 'N', before destroy): true or a Promise to go on. */
    onSave?(event: SaveEvent): boolean | Promise<unknown>;
    /** Once, when the widget is installed. */
    onInstall?(): void;
    /** The widget's block opened in the Digital Pipeline settings. */
    dpSettings?(): boolean | void;
    /** The widget's advanced-settings page: draw into #work-area-CODE. */
    advancedSettings?(): boolean | void;
    /** The widget's left-menu page: draw into #work-area-CODE. */
    initMenuPage?(params: { location: string; item_code?: string; subitem_code?: string }): boolean | void;
    leads?: { selected?(): boolean | void };
    contacts?: { selected?(): boolean | void };
    todo?: { selected?(): boolean | void };
    tasks?: { selected?(): boolean | void };
    onSource?(): void;
    /** The widget was added as a lead source of a pipeline. */
    onAddAsSource?(pipelineId: number): boolean | void;
    /** Salesbot designer save: the bot steps as a JSON string. */
    onSalesbotDesignerSave?(handlerCode: string, params: Record<string, string>): string;
    salesbotDesignerSettings?($body: JQuery, renderRow: (...args: unknown[]) => unknown, params: Record<string, string>): { exits?: Array<{ code: string; title: string }> } | void;
    /** Card tab (card_sdk): items offered for linking. */
    loadPreloadedData?(): Promise<CatalogItem[]>;
    /** Card tab (card_sdk): items linked to the card. */
    loadElements?(type: unknown, id: number): Promise<LinkedItem[]>;
    /** Card tab (card_sdk): save links. */
    linkCard?(links: unknown): Promise<unknown>;
    /** Card tab (card_sdk): search. */
    searchDataInCard?(query: string, type: unknown, id: number): Promise<CatalogItem[]>;
    /** Lists (catalogs) SDK: draw your own card for a catalog element. */
    loadCatalogElement?(element: unknown): boolean | void;
  }

  /** The widget object: `this` in the constructor script.js returns (keep it as `self`; inside callbacks `this` is not
   * the widget). `Settings` types the setting fields by their code. */
  interface Widget<Settings extends object = {}> {
    /** Set this in the constructor. */
    callbacks: Callbacks;
    /** The same data as get_settings(). */
    params: Params & Settings;
    /** The whole i18n file of the current language. */
    langs: I18n;
    /** A namespace string for jQuery events and channels (undocumented, seen in widgets). */
    ns: string;
    system(): System;
    get_settings(): Params & Settings;
    set_settings(values: Partial<Settings> & Record<string, unknown>): Params & Settings;
    /** A text or a group of texts from the i18n file: 'settings' gives the group, 'settings.api_key' one text. */
    i18n(key: string): any;
    set_lang(langs: I18n): void;
    get_version(): string;
    get_install_status(): InstallStatus;
    set_status(status: 'install' | 'installed' | 'error'): void;
    /** Renders a system template or a Twig string and returns the HTML. */
    render(data: { ref: SystemTemplate | (string & {}) } | { data: string }, params?: object): string;
    /** Fetches and renders one of the widget's own templates; the HTML comes through `load`. */
    render(data: OwnTemplate, params?: object): void;
    render_template(options: PanelTemplate, params?: object): void;
    /** POST to your server through Kommo's proxy. */
    crm_post(url: string, data: object | string, success?: (response: any) => void, type?: 'xml' | 'html' | 'script' | 'json' | 'jsonp' | 'text', error?: (xhr: JQueryXHR, status: string, reason: unknown) => void): void;
    /** $.ajax with an X-Auth-Token header (a JWT signed with the integration's secret). */
    $authorizedAjax(options: JQueryAjaxSettings): JQueryXHR;
    list_selected(): ListSelection;
    widgetsOverlay(show: boolean): void;
    /** A click on a phone number or an e-mail in cards and lists. */
    add_action(type: 'phone' | 'email' | 'e-mail', handler: (data: { value: string; [key: string]: unknown }) => void): void;
    /** A source in the card feed: for 'sms' the handler must return a Promise. */
    add_source(type: 'sms', handler: (data: { phone: string; message: string; contact_id: number }) => Promise<unknown>, caption?: string): void;
    add_source(type: string, handler: (...args: any[]) => unknown, caption?: string): void;
    /** lead_sources: the pipeline the widget is a source of. */
    get_pipeline_id(): Promise<number>;
    /** catalogs: the list the widget is bound to (call it in onSave). */
    setSdkCatalogId(id: number): void;
    get_accounts_current(): { account: Account; user?: User };
    get_current_card_contacts_data(): Promise<Array<{ id: number; name: string; first_name: string; last_name: string; phones: string[]; emails: string[] }>>;
    listenSocketChannel(...args: unknown[]): void;
  }

  interface User {
    id: number;
    login: string;
    name: string;
    amojo_id?: string;
    uuid?: string;
    photo?: string;
    personal_mobile?: string;
    theme?: string;
    [key: string]: unknown;
  }

  interface Account {
    id: number;
    name?: string;
    subdomain: string;
    currency?: string;
    timezone?: string;
    [key: string]: unknown;
  }

  interface Manager {
    id: number | string;
    title: string;
    login?: string;
    group?: string;
    active?: boolean;
    [key: string]: unknown;
  }

  interface CurrentCard {
    /** 0 for a card not saved yet. */
    id: number;
    element_type: number;
    main_user?: number;
    /** A Backbone model with the card's unsaved input. */
    model: { attributes: Record<string, unknown>; get(name: string): unknown; [key: string]: unknown };
    [key: string]: unknown;
  }

  interface Notifications {
    show_message(message: { header: string; text: string; date?: number; icon?: string }): void;
    show_message_error(message: { header: string; text: string; date?: number; link?: string }): void;
    show_notification(message: { text: { header: string; text: string }; type: 'call' | 'error'; date?: number }): void;
    add_error(error: { header?: string; text: string; date?: number; link?: string }): void;
    add_call(call: { text: string; date?: number; from?: string; to?: string; element: { id: number; type: 'contact' | 'lead' | 'company' }; duration?: number; link?: string }): void;
  }

  /** The global APP (AMOCRM is the same object under its old name). Public widgets may only read it. */
  interface App {
    constant(key: 'user'): User;
    constant(key: 'account'): Account;
    constant(key: 'managers'): Record<string, Manager>;
    constant(key: 'groups'): Record<string, string>;
    constant(key: 'user_rights' | 'task_types'): any;
    constant(key: string): any;
    data: {
      current_card: CurrentCard | false;
      current_entity?: string;
      current_list?: { items?: Array<{ id: number; name: string; checked?: boolean }>; [key: string]: unknown };
      current_view?: { $el: JQuery; [key: string]: unknown };
      [key: string]: unknown;
    };
    notifications: Notifications;
    widgets: { system: System; [key: string]: unknown };
    sdk: { showUserStatus(who: 'online' | number | Array<'online' | number>): void; setCallingStatus(calling: boolean): void };
    /** The current entity: leads, contacts, companies, customers … */
    getBaseEntity(): string;
    isCard(): boolean;
    getWidgetsArea(): string;
    lang_id: string;
    /** Notification-centre callbacks; for init_once widgets. */
    addNotificationCallback(widgetCode: string, callback: (data: unknown) => void): void;
    cf_types: Record<string, number>;
    element_types: Record<string, number>;
    note_types?: Record<string, number>;
    system: { format: { date: Record<string, string>; [key: string]: unknown }; [key: string]: unknown };
    [key: string]: unknown;
  }
}

declare const APP: Kommo.App;
/** The old name of APP. */
declare const AMOCRM: Kommo.App;

/** RequireJS, which loads script.js: `require(['text!' + path + '/x.twig'], (source) => …)`. */
declare function require(dependencies: string[], callback: (...modules: any[]) => void, errback?: (error: Error) => void): void;
/** A module already loaded (one of the modules Kommo provides). */
declare function require(id: string): any;

// ---- jQuery (Kommo ships 2.x): the parts widgets use --------------------------------------------------------------

interface JQueryAjaxSettings {
  url?: string;
  type?: string;
  method?: string;
  data?: unknown;
  dataType?: 'xml' | 'html' | 'script' | 'json' | 'jsonp' | 'text';
  contentType?: string | false;
  headers?: Record<string, string>;
  processData?: boolean;
  timeout?: number;
  cache?: boolean;
  xhrFields?: Record<string, unknown>;
  beforeSend?(xhr: JQueryXHR): boolean | void;
  success?(data: any, status: string, xhr: JQueryXHR): void;
  error?(xhr: JQueryXHR, status: string, reason: string): void;
  complete?(xhr: JQueryXHR, status: string): void;
}

interface JQueryPromise<T> extends PromiseLike<T> {
  done(callback: (value: T, ...rest: any[]) => void): this;
  fail(callback: (...reasons: any[]) => void): this;
  always(callback: (...values: any[]) => void): this;
  then<R1 = T, R2 = never>(done?: ((value: T) => R1 | PromiseLike<R1>) | null, fail?: ((reason: any) => R2 | PromiseLike<R2>) | null): JQueryPromise<R1 | R2>;
  state(): 'pending' | 'resolved' | 'rejected';
}

interface JQueryDeferred<T> extends JQueryPromise<T> {
  resolve(value?: T, ...rest: any[]): this;
  reject(...reasons: any[]): this;
  promise(): JQueryPromise<T>;
}

interface JQueryXHR extends JQueryPromise<any> {
  readonly status: number;
  readonly statusText: string;
  readonly responseText: string;
  responseJSON?: any;
  getResponseHeader(name: string): string | null;
  abort(reason?: string): void;
}

interface JQueryEventObject extends Event {
  readonly originalEvent?: Event;
  readonly which: number;
  readonly pageX: number;
  readonly pageY: number;
  readonly data: any;
  readonly currentTarget: Element;
  readonly target: Element;
  isDefaultPrevented(): boolean;
}

type JQueryContent = string | Element | Text | Node | JQuery | Array<Element | JQuery>;

interface JQuery extends Iterable<HTMLElement> {
  readonly length: number;
  [index: number]: HTMLElement;
  find(selector: string): JQuery;
  closest(selector: string): JQuery;
  parent(selector?: string): JQuery;
  parents(selector?: string): JQuery;
  children(selector?: string): JQuery;
  siblings(selector?: string): JQuery;
  next(selector?: string): JQuery;
  prev(selector?: string): JQuery;
  first(): JQuery;
  last(): JQuery;
  eq(index: number): JQuery;
  filter(selector: string | ((index: number, element: HTMLElement) => boolean)): JQuery;
  not(selector: string | Element | JQuery): JQuery;
  is(selector: string | Element | JQuery): boolean;
  each(callback: (this: HTMLElement, index: number, element: HTMLElement) => void | false): this;
  map<T>(callback: (this: HTMLElement, index: number, element: HTMLElement) => T): JQuery & { get(): T[] };
  get(index: number): HTMLElement | undefined;
  get(): HTMLElement[];
  toArray(): HTMLElement[];
  html(): string;
  html(content: string | ((index: number, old: string) => string)): this;
  text(): string;
  text(content: string | number | boolean): this;
  val(): string | number | string[] | undefined;
  val(value: string | number | string[]): this;
  attr(name: string): string | undefined;
  attr(name: string, value: string | number | null): this;
  attr(values: Record<string, string | number>): this;
  removeAttr(name: string): this;
  prop(name: string): any;
  prop(name: string, value: unknown): this;
  data(key: string): any;
  data(key: string, value: unknown): this;
  data(): Record<string, any>;
  css(name: string): string;
  css(name: string, value: string | number): this;
  css(values: Record<string, string | number>): this;
  addClass(names: string): this;
  removeClass(names?: string): this;
  toggleClass(names: string, state?: boolean): this;
  hasClass(name: string): boolean;
  append(...content: JQueryContent[]): this;
  prepend(...content: JQueryContent[]): this;
  after(...content: JQueryContent[]): this;
  before(...content: JQueryContent[]): this;
  appendTo(target: string | Element | JQuery): this;
  prependTo(target: string | Element | JQuery): this;
  replaceWith(content: JQueryContent): this;
  empty(): this;
  remove(selector?: string): this;
  detach(selector?: string): this;
  clone(withEvents?: boolean): JQuery;
  show(duration?: number | string): this;
  hide(duration?: number | string): this;
  toggle(show?: boolean): this;
  fadeIn(duration?: number | string, complete?: () => void): this;
  fadeOut(duration?: number | string, complete?: () => void): this;
  slideDown(duration?: number | string, complete?: () => void): this;
  slideUp(duration?: number | string, complete?: () => void): this;
  width(): number;
  width(value: number | string): this;
  height(): number;
  height(value: number | string): this;
  outerWidth(includeMargin?: boolean): number;
  outerHeight(includeMargin?: boolean): number;
  offset(): { top: number; left: number } | undefined;
  position(): { top: number; left: number };
  scrollTop(): number;
  scrollTop(value: number): this;
  on(events: string, handler: (this: HTMLElement, event: JQueryEventObject, ...args: any[]) => unknown): this;
  on(events: string, selector: string, handler: (this: HTMLElement, event: JQueryEventObject, ...args: any[]) => unknown): this;
  on(events: string, selector: string | null, data: unknown, handler: (this: HTMLElement, event: JQueryEventObject, ...args: any[]) => unknown): this;
  one(events: string, handler: (this: HTMLElement, event: JQueryEventObject, ...args: any[]) => unknown): this;
  one(events: string, selector: string, handler: (this: HTMLElement, event: JQueryEventObject, ...args: any[]) => unknown): this;
  off(events?: string, selector?: string | ((event: JQueryEventObject) => unknown), handler?: (event: JQueryEventObject) => unknown): this;
  trigger(event: string | Event, extra?: unknown): this;
  triggerHandler(event: string, extra?: unknown): any;
  click(handler?: (this: HTMLElement, event: JQueryEventObject) => unknown): this;
  change(handler?: (this: HTMLElement, event: JQueryEventObject) => unknown): this;
  submit(handler?: (this: HTMLElement, event: JQueryEventObject) => unknown): this;
  focus(): this;
  blur(): this;
  serialize(): string;
  serializeArray(): Array<{ name: string; value: string }>;
  index(selector?: string | Element | JQuery): number;
  promise(): JQueryPromise<JQuery>;
}

interface JQueryStatic {
  (selector: string, context?: Element | JQuery | Document): JQuery;
  (element: Element | Document | Window | Element[] | JQuery): JQuery;
  (ready: () => void): JQuery;
  (): JQuery;
  ajax(settings: JQueryAjaxSettings): JQueryXHR;
  ajax(url: string, settings?: JQueryAjaxSettings): JQueryXHR;
  get(url: string, data?: unknown, success?: (data: any, status: string, xhr: JQueryXHR) => void, dataType?: string): JQueryXHR;
  post(url: string, data?: unknown, success?: (data: any, status: string, xhr: JQueryXHR) => void, dataType?: string): JQueryXHR;
  getJSON(url: string, data?: unknown, success?: (data: any) => void): JQueryXHR;
  param(value: unknown, traditional?: boolean): string;
  Deferred<T = any>(): JQueryDeferred<T>;
  when<T>(...deferreds: Array<JQueryPromise<T> | PromiseLike<T> | T>): JQueryPromise<T>;
  extend<T extends object, U extends object>(target: T, source: U): T & U;
  extend<T extends object, U extends object, V extends object>(target: T, a: U, b: V): T & U & V;
  extend(deep: true, target: object, ...sources: object[]): any;
  extend(target: object, ...sources: object[]): any;
  each<T>(items: T[], callback: (index: number, item: T) => void | false): T[];
  each<T extends object>(object: T, callback: (key: string, value: any) => void | false): T;
  map<T, R>(items: T[], callback: (item: T, index: number) => R | R[] | null | undefined): R[];
  grep<T>(items: T[], test: (item: T, index: number) => boolean, invert?: boolean): T[];
  inArray<T>(value: T, items: T[], from?: number): number;
  isArray(value: unknown): value is unknown[];
  isFunction(value: unknown): value is (...args: unknown[]) => unknown;
  isPlainObject(value: unknown): boolean;
  isEmptyObject(value: unknown): boolean;
  isNumeric(value: unknown): boolean;
  trim(text: string): string;
  parseJSON(text: string): any;
  parseHTML(html: string): Node[];
  contains(container: Element, contained: Element): boolean;
  noop(): void;
  now(): number;
  fn: any;
}

declare module 'jquery' {
  const $: JQueryStatic;
  export default $;
}

// ---- underscore (Kommo ships 1.9): the common helpers, anything else as any ----------------------------------------

interface UnderscoreStatic {
  each<T>(list: T[] | Record<string, T>, iteratee: (value: T, key: any) => void): void;
  map<T, R>(list: T[] | Record<string, T>, iteratee: (value: T, key: any) => R): R[];
  filter<T>(list: T[] | Record<string, T>, predicate: (value: T) => boolean): T[];
  find<T>(list: T[] | Record<string, T>, predicate: (value: T) => boolean): T | undefined;
  findWhere<T>(list: T[], properties: Partial<T>): T | undefined;
  where<T>(list: T[], properties: Partial<T>): T[];
  reduce<T, R>(list: T[], iteratee: (memo: R, value: T) => R, memo: R): R;
  pluck<T, K extends keyof T>(list: T[], key: K): Array<T[K]>;
  groupBy<T>(list: T[], iteratee: string | ((value: T) => string | number)): Record<string, T[]>;
  indexBy<T>(list: T[], iteratee: string | ((value: T) => string | number)): Record<string, T>;
  sortBy<T>(list: T[], iteratee: string | ((value: T) => unknown)): T[];
  uniq<T>(list: T[]): T[];
  keys(object: object): string[];
  values<T>(object: Record<string, T>): T[];
  extend<T extends object>(target: T, ...sources: object[]): T;
  clone<T>(object: T): T;
  pick(object: object, ...keys: string[]): any;
  omit(object: object, ...keys: string[]): any;
  has(object: object, key: string): boolean;
  isEmpty(value: unknown): boolean;
  isArray(value: unknown): value is unknown[];
  isObject(value: unknown): boolean;
  isString(value: unknown): value is string;
  isNumber(value: unknown): value is number;
  isFunction(value: unknown): value is (...args: unknown[]) => unknown;
  debounce<F extends (...args: any[]) => unknown>(fn: F, wait: number, immediate?: boolean): F;
  throttle<F extends (...args: any[]) => unknown>(fn: F, wait: number): F;
  once<F extends (...args: any[]) => unknown>(fn: F): F;
  escape(text: string): string;
  template(text: string, settings?: object): (data?: object) => string;
  uniqueId(prefix?: string): string;
  [helper: string]: any;
}

declare module 'underscore' {
  const _: UnderscoreStatic;
  export default _;
}

// ---- moment (Kommo ships 2.24): the common calls, anything else as any --------------------------------------------

interface Moment {
  format(format?: string): string;
  add(amount: number, unit: string): Moment;
  subtract(amount: number, unit: string): Moment;
  startOf(unit: string): Moment;
  endOf(unit: string): Moment;
  diff(other: Moment | Date | string | number, unit?: string, precise?: boolean): number;
  isBefore(other: Moment | Date | string | number, unit?: string): boolean;
  isAfter(other: Moment | Date | string | number, unit?: string): boolean;
  isSame(other: Moment | Date | string | number, unit?: string): boolean;
  isValid(): boolean;
  unix(): number;
  valueOf(): number;
  toDate(): Date;
  toISOString(): string;
  clone(): Moment;
  locale(locale: string): Moment;
  fromNow(withoutSuffix?: boolean): string;
  [method: string]: any;
}

interface MomentStatic {
  (input?: Moment | Date | string | number | null, format?: string, strict?: boolean): Moment;
  unix(seconds: number): Moment;
  utc(input?: Moment | Date | string | number, format?: string): Moment;
  isMoment(value: unknown): value is Moment;
  locale(locale?: string): string;
  [member: string]: any;
}

declare module 'moment' {
  const moment: MomentStatic;
  export default moment;
}

declare module 'moment-timezone' {
  const moment: MomentStatic & { tz: any };
  export default moment;
}

// ---- twig.js (the twigjs module and the global Twig) ---------------------------------------------------------------

declare module 'twigjs' {
  interface TwigOptions {
    id?: string;
    data?: string;
    ref?: string;
    href?: string;
    allowInlineIncludes?: boolean;
    async?: boolean;
    load?: (template: Kommo.TwigTemplate) => void;
  }
  interface Twig {
    (options: TwigOptions): Kommo.TwigTemplate;
    twig(options: TwigOptions): Kommo.TwigTemplate;
    Templates: { registry: Record<string, Kommo.TwigTemplate>; [key: string]: unknown };
    extendFilter(name: string, filter: (value: unknown, args?: unknown[]) => unknown): void;
    extendFunction(name: string, fn: (...args: any[]) => unknown): void;
  }
  const twig: Twig;
  export default twig;
}

// ---- the system modal ----------------------------------------------------------------------------------------------

declare module 'lib/components/base/modal' {
  interface ModalOptions {
    class_name?: string;
    /** Fill the body, then trigger 'modal:loaded' and 'modal:centrify' on it. */
    init?: (this: Modal, $modal_body: JQuery) => void;
    destroy?: () => boolean | void;
    disable_overlay_click?: boolean;
    disable_escape_keydown?: boolean;
    disable_cancel_click?: boolean;
    container?: JQuery | string;
  }
  class Modal {
    constructor(options?: ModalOptions);
    $modal_body: JQuery;
    destroy(): void;
    /** Shows an error in a modal (amoCRM docs: new Modal()._showError(message)). */
    _showError(message: string, reload?: boolean): void;
  }
  export default Modal;
}

// ---- RequireJS plugins and the other modules Kommo provides ---------------------------------------------------------

/** `import source from 'text!./templates/x.twig'`: a file of the widget as text (the id is resolved by RequireJS). */
declare module 'text!*' {
  const text: string;
  export default text;
}

/** `import data from 'json!./data.json'`: a JSON file of the widget, parsed. */
declare module 'json!*' {
  const value: any;
  export default value;
}

declare module 'backbone';
declare module 'pubsub';
declare module 'es6promise';
declare module 'FileAPI';
declare module 'lib/*';
