//! The widget's two languages, how the initial one is chosen, and every UI string in both.
//!
//! Content text lives in the dataset as [`crate::model::Text`]; the strings here are the widget's
//! own chrome (buttons, captions, labels).

use crate::model::{Access, Basis, Evidence, Family, Level, Openness, Relation};

/// A language the widget speaks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    /// Simplified Chinese, the article's language.
    #[default]
    Zh,
    En,
}

impl Lang {
    /// The BCP 47 tag to put in `lang` attributes.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Zh => "zh-Hans",
            Lang::En => "en",
        }
    }

    /// The short code used in URLs (`?lang=zh`).
    pub fn code(self) -> &'static str {
        match self {
            Lang::Zh => "zh",
            Lang::En => "en",
        }
    }

    /// The other language.
    pub fn other(self) -> Lang {
        match self {
            Lang::Zh => Lang::En,
            Lang::En => Lang::Zh,
        }
    }

    /// Reads a language tag loosely: `zh`, `zh-CN`, `zh-Hans`, `EN-gb`… Anything else is `None`.
    ///
    /// ```
    /// use chronicle_core::i18n::Lang;
    /// assert_eq!(Lang::from_tag("zh-Hans-CN"), Some(Lang::Zh));
    /// assert_eq!(Lang::from_tag("en_US"), Some(Lang::En));
    /// assert_eq!(Lang::from_tag("fr"), None);
    /// ```
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        match primary.as_str() {
            "zh" => Some(Lang::Zh),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// Chooses the initial language: the URL's `?lang=` first, then the page's `<html lang>`, then
    /// the browser's preferred languages in order, then Chinese.
    ///
    /// `auto` or an unknown value in the URL falls through to the next source.
    ///
    /// ```
    /// use chronicle_core::i18n::Lang;
    /// assert_eq!(Lang::resolve(Some("en"), Some("zh-CN"), &["zh"]), Lang::En);
    /// assert_eq!(Lang::resolve(Some("auto"), None, &["fr", "en-GB"]), Lang::En);
    /// assert_eq!(Lang::resolve(None, None, &[]), Lang::Zh);
    /// ```
    pub fn resolve(url: Option<&str>, page: Option<&str>, browser: &[&str]) -> Lang {
        url.and_then(Lang::from_tag)
            .or_else(|| page.and_then(Lang::from_tag))
            .or_else(|| browser.iter().find_map(|t| Lang::from_tag(t)))
            .unwrap_or_default()
    }
}

/// Every UI string, in one language.
#[derive(Debug)]
pub struct Ui {
    pub lang_switch_label: &'static str,
    pub timeline_label: &'static str,
    pub timeline_hint: &'static str,
    pub matrix_caption: &'static str,
    pub dimension: &'static str,
    pub open_side: &'static str,
    pub closed_side: &'static str,
    pub rating_of_5: &'static str,
    pub examples: &'static str,
    pub details: &'static str,
    pub close: &'static str,
    pub date: &'static str,
    pub org: &'static str,
    pub family: &'static str,
    pub access: &'static str,
    pub license: &'static str,
    pub params: &'static str,
    pub sources: &'static str,
    pub parents: &'static str,
    pub children: &'static str,
    pub eras: &'static str,
    pub open_marker: &'static str,
    pub closed_marker: &'static str,
    pub na_marker: &'static str,
    pub data_error_title: &'static str,
    /// The notice when the interactive widget could not load; `{what}` is what failed.
    pub load_failed: &'static str,
    /// The page's description for search engines and link previews.
    pub page_description: &'static str,
    /// The widget's name in an embed snippet's `title`.
    pub embed_title: &'static str,
    pub crash_title: &'static str,
    pub crash_body: &'static str,
    pub open_strengths: &'static str,
    pub closed_strengths: &'static str,
    pub zoom_in: &'static str,
    pub zoom_out: &'static str,
    pub earlier: &'static str,
    pub later: &'static str,
    pub show_all: &'static str,
    pub zoom_to_era: &'static str,
    pub timeline_controls: &'static str,
    pub keyboard_help: &'static str,
    pub about: &'static str,
    pub about_method: &'static str,
    pub openness_caption: &'static str,
    pub model: &'static str,
    /// The rubric table's first column.
    pub criterion: &'static str,
    pub score: &'static str,
    pub level_open: &'static str,
    pub level_partial: &'static str,
    pub level_closed: &'static str,
    pub level_unknown: &'static str,
    pub score_rule: &'static str,
    pub cell_hint: &'static str,
    pub group_availability: &'static str,
    pub group_documentation: &'static str,
    pub group_access: &'static str,
    pub filters: &'static str,
    pub search: &'static str,
    pub search_placeholder: &'static str,
    pub access_open_group: &'static str,
    pub access_closed_group: &'static str,
    pub all_orgs: &'static str,
    pub years: &'static str,
    pub year_from: &'static str,
    pub year_to: &'static str,
    pub non_matching: &'static str,
    pub dim: &'static str,
    pub hide: &'static str,
    pub clear_filters: &'static str,
    pub matching: &'static str,
    pub not_matching_suffix: &'static str,
    pub story: &'static str,
    pub story_start: &'static str,
    pub story_prev: &'static str,
    pub story_next: &'static str,
    pub story_exit: &'static str,
    pub story_stops: &'static str,
    pub note: &'static str,
    pub embed: &'static str,
    pub embed_iframe: &'static str,
    pub embed_element: &'static str,
    pub copy: &'static str,
    pub copied: &'static str,
    /// A copy button's answer when the browser refused the copy (e.g. a frame without
    /// `allow="clipboard-write"`).
    pub copy_failed: &'static str,
    /// What the `<llm-chronicle>` element shows when its code could not load; `{what}` is one of
    /// the `load_*` reasons below.
    pub element_failed: &'static str,
    /// The widget's host did not allow the article's origin to read `{url}` (no CORS header).
    pub load_refused: &'static str,
    /// The article's Content Security Policy blocked `{url}`.
    pub load_csp: &'static str,
    /// The article's Content Security Policy does not allow WebAssembly to compile.
    pub load_csp_wasm: &'static str,
    /// `{url}` answered with the error `{status}`.
    pub load_http: &'static str,
    /// No answer from `{url}`.
    pub load_network: &'static str,
    /// `{url}` arrived but could not be used; `{error}` is the browser's message.
    pub load_other: &'static str,
    /// The error panel's count: of one problem, and of `{n}`.
    pub data_problem: &'static str,
    pub data_problems: &'static str,
    /// After the problems the panel lists, how many more there are (`{n}`).
    pub data_problems_more: &'static str,
    pub list_title: &'static str,
    pub list_show: &'static str,
    pub list_hide: &'static str,
    pub outside_eras: &'static str,
    pub sort_by: &'static str,
    pub weights: &'static str,
    pub reset_weights: &'static str,
    pub show_groups: &'static str,
    pub colour_by: &'static str,
    pub colour_none: &'static str,
    pub colour_legend: &'static str,
    pub not_in_matrix: &'static str,
    /// The legend's line for documented lineage edges (drawn solid).
    pub legend_documented: &'static str,
    /// The legend's line for inferred lineage edges (drawn dashed).
    pub legend_inferred: &'static str,
    pub legend_lineage: &'static str,
    pub download_csv: &'static str,
    pub download_json: &'static str,
    /// The timeline toolbar's group of image downloads, and its two buttons' names. Their visible
    /// text is the format's name, "SVG" or "PNG", the same in both languages; each name holds it as
    /// a word of its own, not in parentheses (which speech input and axe's check of WCAG 2.5.3
    /// leave out).
    pub download_image: &'static str,
    pub download_svg: &'static str,
    pub download_png: &'static str,
    pub download_image_hint: &'static str,
    pub view: &'static str,
    pub view_both: &'static str,
    pub view_timeline: &'static str,
    pub view_matrix: &'static str,
    pub even_time: &'static str,
    pub even_time_hint: &'static str,
    pub all_edges: &'static str,
    /// The CSV column of the matrix rows' ids.
    pub id_column: &'static str,
    pub all_edges_hint: &'static str,
    /// Before the dataset's `as_of` date: "data as of 2026-11-30".
    pub data_as_of: &'static str,
    /// Heading of the rubric shown next to the openness matrix.
    pub rubric: &'static str,
    /// Label of a cell's basis (what was released or written).
    pub basis: &'static str,
    /// Label of a lineage edge's relation.
    pub relation: &'static str,
}

static ZH: Ui = Ui {
    lang_switch_label: "语言",
    timeline_label: "时间线",
    timeline_hint: "按时间排列的模型与论文。选择一个事件即可查看详情。",
    matrix_caption: "开放与闭源大模型：逐项对比",
    dimension: "维度",
    open_side: "开放",
    closed_side: "闭源",
    rating_of_5: "分（满分 5）",
    examples: "示例",
    details: "详情",
    close: "关闭",
    date: "日期",
    org: "机构",
    family: "架构",
    access: "开放程度",
    license: "许可证",
    params: "参数量",
    sources: "来源",
    parents: "前身",
    children: "后继",
    eras: "时代",
    open_marker: "开放权重",
    closed_marker: "闭源",
    na_marker: "论文/里程碑",
    data_error_title: "数据有误，无法显示",
    load_failed: "交互功能未能加载：{what}。下面的内容完整可读；重新加载页面可再试一次。",
    page_description: "交互式大语言模型发展史：从 n-gram、RNN/LSTM 到 Transformer、BERT 与 GPT 的分野，再到开放权重与闭源模型；附开放与闭源大模型的逐项对比与逐模型开放度矩阵，每条事实均附来源。",
    embed_title: "大模型编年史",
    crash_title: "组件出错了",
    crash_body: "LLM 编年史遇到内部错误，已停止运行。请刷新页面重试。",
    open_strengths: "开放模型的优势",
    closed_strengths: "闭源的优势",
    zoom_in: "放大",
    zoom_out: "缩小",
    earlier: "向前（更早）",
    later: "向后（更晚）",
    show_all: "显示全部",
    zoom_to_era: "缩放到时代",
    filters: "筛选与搜索",
    search: "搜索",
    search_placeholder: "名称、机构或摘要（中英文均可）",
    access_open_group: "开放权重",
    access_closed_group: "闭源及其他",
    all_orgs: "全部机构",
    years: "年份",
    year_from: "起始年份",
    year_to: "结束年份",
    non_matching: "不匹配的事件",
    dim: "淡化",
    hide: "隐藏",
    clear_filters: "清除筛选",
    matching: "个事件符合条件",
    not_matching_suffix: "（不符合筛选条件）",
    note: "说明",
    embed: "嵌入",
    embed_iframe: "iframe（自动调整高度）",
    embed_element: "自定义元素",
    copy: "复制",
    copied: "已复制",
    copy_failed: "未能复制：请选中代码后自行复制",
    element_failed: "大模型编年史未能在此加载：{what}。文章其余部分不受影响；重新加载页面可再试一次。",
    load_refused: "{origin} 上的网站不允许本页面读取 {url}（跨域请求被拒绝：该网站须发送 Access-Control-Allow-Origin 响应头）",
    load_csp: "本页面的内容安全策略（CSP）阻止了 {url}",
    load_csp_wasm: "本页面的内容安全策略（CSP）不允许运行 WebAssembly（script-src 须包含 'wasm-unsafe-eval'）",
    load_http: "{url} 返回了 HTTP {status} 错误",
    load_network: "无法连接 {url}（网络错误）",
    load_other: "{url} 已下载，但无法使用：{error}",
    data_problem: "数据中有 1 个问题需要修正：",
    data_problems: "数据中有 {n} 个问题需要修正：",
    data_problems_more: "……另有 {n} 个问题未列出。",
    list_title: "全部事件（按时代排列）",
    list_show: "以列表显示全部事件",
    list_hide: "收起事件列表",
    outside_eras: "其他",
    sort_by: "排序：",
    weights: "调整各项标准的权重",
    reset_weights: "恢复默认权重",
    show_groups: "显示的标准组",
    colour_by: "时间线按此标准着色",
    colour_none: "不着色（按开放权重与否）",
    colour_legend: "时间线颜色表示",
    not_in_matrix: "灰色：不在矩阵中",
    legend_documented: "实线：有文献记载的传承",
    legend_inferred: "虚线：推断的传承",
    legend_lineage: "粗线：所选事件的谱系",
    download_csv: "下载 CSV",
    download_json: "下载 JSON",
    download_image: "下载图片",
    download_svg: "下载 SVG 图片",
    download_png: "下载 PNG 图片",
    download_image_hint: "当前所示的时间线，附标题、图例、数据日期和来源",
    view: "视图",
    view_both: "全部",
    view_timeline: "时间线",
    view_matrix: "对比矩阵",
    story: "导读",
    story_start: "开始导读：跟着文章的思路走一遍",
    story_prev: "上一站",
    story_next: "下一站",
    story_exit: "退出导读",
    story_stops: "导读各站",
    about: "关于本组件与资料来源",
    about_method: "每个带日期的事实都附有来源链接（论文、官方公告、模型卡或许可证），数据截至页面所示日期。“开放程度”沿用 Epoch AI 的分类；许可证一律按发布时的版本记录，之后的变更写在摘要或说明中。开放度矩阵的每个单元格都记录了“依据”，即实际公开了什么、写明了什么，等级由依据按同一套评分标准直接得出，不因机构而异；各项标准的评分细则列在矩阵旁。维度评分（1–5）是我们的编辑判断，两边用同一尺度：5 分是这一方的明显长处，没有实质限制；4 分是长处但有限制；3 分是利弊相当，或取决于使用者自身的条件；2 分是只能以有限或间接的方式做到；1 分是基本做不到。分数跟随表中写出的理由。传承关系中“有文献记载”指子模型的论文或公告明确写出，“推断”是我们的判断；“蒸馏”指用父模型的输出训练。",
    openness_caption: "逐模型开放度：各项标准的开放情况",
    model: "模型",
    criterion: "评价项",
    score: "开放度得分",
    level_open: "开放",
    level_partial: "部分开放",
    level_closed: "封闭",
    level_unknown: "未知",
    score_rule: "得分规则：开放计 1 分，部分开放计 0.5 分，封闭或未知计 0 分；得分为所列标准的平均值（百分制）。",
    cell_hint: "选择任一单元格可查看说明和来源。",
    group_availability: "可获取性",
    group_documentation: "文档",
    group_access: "访问方式",
    even_time: "均匀时间轴",
    even_time_hint: "默认时间轴会拉伸事件密集的年份；按下此按钮后每年等宽。",
    all_edges: "全部谱系连线",
    id_column: "编号",
    all_edges_hint: "默认只突出主要分支（跨架构，或基于权重与输出的派生）；按下此按钮后所有谱系连线同样醒目。",
    data_as_of: "数据截至",
    rubric: "评分标准",
    basis: "依据",
    relation: "关系",
    timeline_controls: "时间线缩放与平移",
    keyboard_help: "键盘：左右方向键在事件间移动，Home/End 跳到首尾，+/- 缩放，Shift+方向键平移，Esc 关闭详情。Ctrl 或 ⌘ 加滚轮可缩放。",
};

static EN: Ui = Ui {
    lang_switch_label: "Language",
    timeline_label: "Timeline",
    timeline_hint: "Models and papers in date order. Select an event to see its details.",
    matrix_caption: "Open versus closed models, dimension by dimension",
    dimension: "Dimension",
    open_side: "Open",
    closed_side: "Closed",
    rating_of_5: "out of 5",
    examples: "Examples",
    details: "Details",
    close: "Close",
    date: "Date",
    org: "Organisation",
    family: "Architecture",
    access: "Access",
    license: "Licence",
    params: "Parameters",
    sources: "Sources",
    parents: "Builds on",
    children: "Led to",
    eras: "Eras",
    open_marker: "open weights",
    closed_marker: "closed",
    na_marker: "paper / milestone",
    data_error_title: "The data has errors and cannot be shown",
    load_failed: "The interactive features could not load: {what}. Everything below is complete to read; reload the page to try again.",
    page_description: "An interactive history of language models, from n-grams and RNNs to the Transformer, the BERT / GPT split and today's open-weight and closed models, with an open-versus-closed comparison and a model-by-model openness matrix. Every fact is sourced.",
    embed_title: "LLM Chronicle",
    crash_title: "The widget stopped",
    crash_body: "LLM Chronicle hit an internal error and stopped. Reload the page to try again.",
    open_strengths: "Strengths of open models",
    closed_strengths: "Strengths of closed models",
    zoom_in: "Zoom in",
    zoom_out: "Zoom out",
    earlier: "Earlier",
    later: "Later",
    show_all: "Show all",
    zoom_to_era: "Zoom to era",
    filters: "Filter and search",
    search: "Search",
    search_placeholder: "Name, organisation or summary (Chinese or English)",
    access_open_group: "Open weights",
    access_closed_group: "Closed and other",
    all_orgs: "All organisations",
    years: "Years",
    year_from: "From year",
    year_to: "To year",
    non_matching: "Events that do not match",
    dim: "Dim",
    hide: "Hide",
    clear_filters: "Clear filters",
    matching: "events match",
    not_matching_suffix: " (does not match the filters)",
    note: "Note",
    embed: "Embed",
    embed_iframe: "iframe (sizes itself)",
    embed_element: "Custom element",
    copy: "Copy",
    copied: "Copied",
    copy_failed: "Could not copy: select the code and copy it yourself",
    element_failed: "LLM Chronicle could not load here: {what}. The rest of the page is unaffected; reload the page to try again.",
    load_refused: "the site at {origin} does not let this page read {url} (a cross-origin request refused: that site must send an Access-Control-Allow-Origin header)",
    load_csp: "this page's Content Security Policy blocks {url}",
    load_csp_wasm: "this page's Content Security Policy does not allow WebAssembly (its script-src needs 'wasm-unsafe-eval')",
    load_http: "{url} answered with HTTP error {status}",
    load_network: "{url} could not be reached (network error)",
    load_other: "{url} arrived but could not be used: {error}",
    data_problem: "One problem to fix in the data:",
    data_problems: "{n} problems to fix in the data:",
    data_problems_more: "…and {n} more, not listed here.",
    list_title: "All events, era by era",
    list_show: "Show all events as a list",
    list_hide: "Hide the event list",
    outside_eras: "Other",
    sort_by: "Sort by",
    weights: "Adjust the criteria weights",
    reset_weights: "Reset weights",
    show_groups: "Criteria groups shown",
    colour_by: "Colour the timeline by",
    colour_none: "Nothing (open weights or not)",
    colour_legend: "Timeline colours show",
    not_in_matrix: "grey: not in the matrix",
    legend_documented: "solid line: documented lineage",
    legend_inferred: "dashed line: inferred lineage",
    legend_lineage: "thick line: the selected event's lineage",
    download_csv: "Download CSV",
    download_json: "Download JSON",
    download_image: "Download image",
    download_svg: "Download SVG image",
    download_png: "Download PNG image",
    download_image_hint: "The timeline as shown, with its title, legend, data date and sources",
    view: "View",
    view_both: "Both",
    view_timeline: "Timeline",
    view_matrix: "Matrices",
    story: "Guided story",
    story_start: "Start the guided story: the article's argument, step by step",
    story_prev: "Previous stop",
    story_next: "Next stop",
    story_exit: "Leave the story",
    story_stops: "Story stops",
    about: "About this widget and its sources",
    about_method: "Every dated fact links to its source (the paper, the official announcement, the model card or the licence), and the data is current to the date shown. Access levels follow Epoch AI's scale; licences are recorded as they stood at release, with later changes in the summary or note. Every cell of the openness matrix records its basis, what was actually released or written, and its level follows from that basis by one rubric whatever the lab; the rubric for each criterion is shown beside the matrix. The 1–5 dimension ratings are our editorial judgement on one scale for both sides: 5, a clear strength of that side with no material limitation; 4, a strength with limitations; 3, benefits and drawbacks in balance, or dependent on the user's own resources; 2, possible only in a limited or indirect form; 1, essentially absent. The ratings follow the reasons written in the table. A lineage edge is “documented” when the child's own paper or announcement states it and “inferred” when it is our reading; “distilled from” means trained on the parent model's outputs.",
    openness_caption: "Model by model: how open is each one, criterion by criterion",
    model: "Model",
    criterion: "Criterion",
    score: "Openness score",
    level_open: "open",
    level_partial: "partial",
    level_closed: "closed",
    level_unknown: "unknown",
    score_rule: "Score rule: open counts 1, partial 0.5, closed or unknown 0; the score is the mean over the criteria shown, as a percentage.",
    cell_hint: "Select any cell for its note and source.",
    group_availability: "Availability",
    group_documentation: "Documentation",
    group_access: "Access",
    even_time: "Even time scale",
    even_time_hint: "By default the axis stretches busy years; press for equal width per year.",
    all_edges: "All lineage lines",
    id_column: "id",
    all_edges_hint: "By default only the big branches stand out (across architectures, or built on weights or outputs); press to show every lineage line at full strength.",
    data_as_of: "Data as of",
    rubric: "Scoring rubric",
    basis: "Basis",
    relation: "Relation",
    timeline_controls: "Timeline zoom and pan",
    keyboard_help: "Keys: Left/Right move between events, Home/End jump to the first/last, +/- zoom, Shift+arrows pan, Esc closes the details. Ctrl or ⌘ with the wheel zooms.",
};

/// "Stop 3 of 13" / "第 3 站，共 13 站".
pub fn story_progress(index: usize, total: usize, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("第 {} 站，共 {total} 站", index + 1),
        Lang::En => format!("Stop {} of {total}", index + 1),
    }
}

/// The accessible name of an era's band on the timeline, a button that zooms to the era.
pub fn era_button_name(name: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{name}（缩放到此时代）"),
        Lang::En => format!("{name} (zoom to this era)"),
    }
}

/// Said after a marker's name when more events are stacked under it.
pub fn stacked_more(n: usize, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("；此处另有 {n} 个事件，放大可分开查看"),
        Lang::En if n == 1 => "; 1 more event here, zoom in to see it".to_owned(),
        Lang::En => format!("; {n} more events here, zoom in to see them"),
    }
}

/// Under the narrow list's first entries in the prerendered page (seen without scripts; with
/// them, the whole list replaces it once the widget knows the width).
pub fn first_list_more(n: usize, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("……另有 {n} 个事件，见下方的事件列表。"),
        Lang::En if n == 1 => "… and 1 more event, in the list of events below.".to_owned(),
        Lang::En => format!("… and {n} more events, in the list of events below."),
    }
}

/// The UI strings for `lang`.
pub fn ui(lang: Lang) -> &'static Ui {
    match lang {
        Lang::Zh => &ZH,
        Lang::En => &EN,
    }
}

/// A family's lane label.
pub fn family_name(family: Family, lang: Lang) -> &'static str {
    use Family::*;
    match (lang, family) {
        (Lang::Zh, Statistical) => "统计语言模型",
        (Lang::Zh, Rnn) => "神经网络 / RNN",
        (Lang::Zh, Embedding) => "词向量",
        (Lang::Zh, EncoderOnly) => "仅编码器（BERT 分支）",
        (Lang::Zh, EncoderDecoder) => "编码器-解码器",
        (Lang::Zh, DecoderOnly) => "仅解码器（GPT 分支）",
        (Lang::Zh, Multimodal) => "多模态",
        (Lang::Zh, Other) => "其他",
        (Lang::En, Statistical) => "Statistical LMs",
        (Lang::En, Rnn) => "Neural / RNN",
        (Lang::En, Embedding) => "Embeddings",
        (Lang::En, EncoderOnly) => "Encoder-only (BERT branch)",
        (Lang::En, EncoderDecoder) => "Encoder-decoder",
        (Lang::En, DecoderOnly) => "Decoder-only (GPT branch)",
        (Lang::En, Multimodal) => "Multimodal",
        (Lang::En, Other) => "Other",
    }
}

/// A detailed access level's label (Epoch AI's scale).
pub fn access_name(access: Access, lang: Lang) -> &'static str {
    use Access::*;
    match (lang, access) {
        (Lang::Zh, OpenUnrestricted) => "开放权重（不限用途）",
        (Lang::Zh, OpenRestricted) => "开放权重（限制用途）",
        (Lang::Zh, OpenNoncommercial) => "开放权重（非商用）",
        (Lang::Zh, Api) => "API 访问",
        (Lang::Zh, Hosted) => "托管访问（无 API）",
        (Lang::Zh, Limited) => "有限访问",
        (Lang::Zh, Unreleased) => "未发布",
        (Lang::Zh, NotApplicable) => "不适用",
        (Lang::En, OpenUnrestricted) => "Open weights (unrestricted)",
        (Lang::En, OpenRestricted) => "Open weights (restricted use)",
        (Lang::En, OpenNoncommercial) => "Open weights (non-commercial)",
        (Lang::En, Api) => "API access",
        (Lang::En, Hosted) => "Hosted access (no API)",
        (Lang::En, Limited) => "Limited access",
        (Lang::En, Unreleased) => "Unreleased",
        (Lang::En, NotApplicable) => "Not applicable",
    }
}

/// A criteria group's name.
pub fn group_name(group: crate::model::CriterionGroup, lang: Lang) -> &'static str {
    use crate::model::CriterionGroup::*;
    let t = ui(lang);
    match group {
        Availability => t.group_availability,
        Documentation => t.group_documentation,
        Access => t.group_access,
    }
}

/// A matrix level's name.
pub fn level_name(level: Level, lang: Lang) -> &'static str {
    let t = ui(lang);
    match level {
        Level::Open => t.level_open,
        Level::Partial => t.level_partial,
        Level::Closed => t.level_closed,
        Level::Unknown => t.level_unknown,
    }
}

/// "1948 – 2026" / "1948年 – 2026年": the years a window (fractional years) shows, for the live
/// region that announces zoom changes. A window ending exactly on 1 January ends the year before.
pub fn window_label(window: (f64, f64), lang: Lang) -> String {
    let y = |v: f64| v.floor() as i32;
    match lang {
        Lang::Zh => format!("{}年 – {}年", y(window.0), y(window.1 - 1e-9)),
        Lang::En => format!("{} – {}", y(window.0), y(window.1 - 1e-9)),
    }
}

/// "数据截至 2026 年 11 月 30 日" / "Data as of 30 November 2026", for the dataset's `as_of` date
/// (`YYYY-MM-DD`; a malformed date is shown as it is).
///
/// ```
/// use chronicle_core::i18n::{data_as_of, Lang};
/// assert_eq!(data_as_of("2026-11-30", Lang::Zh), "数据截至 2026 年 11 月 30 日");
/// assert_eq!(data_as_of("2026-11-30", Lang::En), "Data as of 30 November 2026");
/// ```
pub fn data_as_of(as_of: &str, lang: Lang) -> String {
    let label = ui(lang).data_as_of;
    match crate::date::Date::parse(as_of) {
        Ok(crate::date::Date { year, month: Some(m), day: Some(d) }) => match lang {
            Lang::Zh => format!("{label} {year} 年 {m} 月 {d} 日"),
            Lang::En => format!("{label} {d} {} {year}", month_name(m)),
        },
        _ => format!("{label} {as_of}"),
    }
}

/// The source line of a downloaded image: the widget's name, where it is (`url`, left out when
/// empty) and the dataset's credited sources (`credits`, their titles).
///
/// ```
/// use chronicle_core::i18n::{image_source_line, Lang};
/// assert_eq!(image_source_line("https://x.org/", &["A", "B"], Lang::En), "LLM Chronicle · https://x.org/ · Sources: A; B");
/// assert_eq!(image_source_line("", &["甲", "乙"], Lang::Zh), "大模型编年史 · 来源：甲；乙");
/// ```
pub fn image_source_line(url: &str, credits: &[&str], lang: Lang) -> String {
    let t = ui(lang);
    let mut line = t.embed_title.to_owned();
    if !url.is_empty() {
        line += " · ";
        line += url;
    }
    if !credits.is_empty() {
        let (colon, sep) = match lang {
            Lang::Zh => ("：", "；"),
            Lang::En => (": ", "; "),
        };
        line += &format!(" · {}{colon}{}", t.sources, credits.join(sep));
    }
    line
}

/// How a lineage relation is said, per language: of the parent, from the child's panel ("fine-tuned
/// from"), and of the child, from the parent's panel ("fine-tuned from it").
fn relation_words(relation: Relation, lang: Lang) -> [&'static str; 2] {
    use Relation::*;
    match (lang, relation) {
        (Lang::Zh, SuccessorOf) => ["后续版本", "其后续版本"],
        (Lang::Zh, FineTunedFrom) => ["在其权重上微调", "在其权重上微调而来"],
        (Lang::Zh, DistilledFrom) => ["用其输出训练（蒸馏）", "用其输出训练（蒸馏）"],
        (Lang::Zh, DerivedFrom) => ["沿用其架构、代码或权重", "沿用其架构、代码或权重"],
        (Lang::Zh, InspiredBy) => ["受其思路启发", "受其思路启发"],
        (Lang::En, SuccessorOf) => ["successor of", "its successor"],
        (Lang::En, FineTunedFrom) => ["fine-tuned from", "fine-tuned from it"],
        (Lang::En, DistilledFrom) => {
            ["distilled from (trained on its outputs)", "distilled from it (trained on its outputs)"]
        }
        (Lang::En, DerivedFrom) => ["derived from", "derived from it"],
        (Lang::En, InspiredBy) => ["inspired by", "inspired by it"],
    }
}

/// A lineage relation's name, as the details panel says it of the parent.
pub fn relation_name(relation: Relation, lang: Lang) -> &'static str {
    relation_words(relation, lang)[0]
}

/// A lineage relation as said of the child, from the parent's panel ("its successor").
pub fn relation_of_child(relation: Relation, lang: Lang) -> &'static str {
    relation_words(relation, lang)[1]
}

/// Whether a lineage edge is stated by its authors or our reading, in words.
pub fn evidence_name(evidence: Evidence, lang: Lang) -> &'static str {
    match (lang, evidence) {
        (Lang::Zh, Evidence::Documented) => "有文献记载",
        (Lang::Zh, Evidence::Inferred) => "推断",
        (Lang::En, Evidence::Documented) => "documented",
        (Lang::En, Evidence::Inferred) => "inferred",
    }
}

/// A cell basis's name: what was released or written.
pub fn basis_name(basis: Basis, lang: Lang) -> &'static str {
    use Basis::*;
    let [en, zh] = match basis {
        Released => ["released in full", "完整公开"],
        ReleasedInPart => ["released in part", "部分公开"],
        OnRequest => ["on request", "需申请获取"],
        DescribedOnly => ["described only", "仅有文字描述"],
        NotReleased => ["not released", "未公开"],
        OsiApproved => ["OSI-approved licence", "OSI 认可的开源许可证"],
        Restricted => ["restricted", "有限制"],
        NonCommercial => ["non-commercial only", "仅限非商业用途"],
        Proprietary => ["proprietary (terms of service only)", "专有（仅服务条款）"],
        Detailed => ["detailed", "详细"],
        Summary => ["summary", "概要"],
        None => ["none", "无"],
        Available => ["available", "可直接使用"],
        Unavailable => ["unavailable", "不提供"],
        Unknown => ["unknown", "不详"],
    };
    match lang {
        Lang::En => en,
        Lang::Zh => zh,
    }
}

/// The text marker for open / closed, so that the state is never shown by colour alone.
pub fn openness_marker(openness: Openness, lang: Lang) -> &'static str {
    let ui = ui(lang);
    match openness {
        Openness::Open => ui.open_marker,
        Openness::Closed => ui.closed_marker,
        Openness::NotApplicable => ui.na_marker,
    }
}

/// An English month's name, 1 to 12 ("" otherwise).
pub fn month_name(month: u8) -> &'static str {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    MONTHS.get(usize::from(month).wrapping_sub(1)).copied().unwrap_or("")
}

/// A year's notable model releases, as the trend chart's summary says them: (year, open, all).
pub type YearReleases<'a> = (&'a str, usize, usize);

/// The trend chart's words (`scene::trend`), in one language.
#[derive(Debug)]
pub struct TrendUi {
    pub heading: &'static str,
    pub releases: &'static str,
    pub scores: &'static str,
    pub open_weights: &'static str,
    pub closed: &'static str,
    pub best_open: &'static str,
    pub best_closed: &'static str,
    /// After a year in a bar's tooltip.
    pub colon: &'static str,
    pub hint: &'static str,
    pub data_tables: &'static str,
    pub year: &'static str,
    pub share_open: &'static str,
    pub model: &'static str,
    pub released: &'static str,
    pub weights: &'static str,
    pub score: &'static str,
    /// The chart's image downloads: the group, each button (naming its format), their hint.
    pub download: &'static str,
    pub download_svg: &'static str,
    pub download_png: &'static str,
    pub download_hint: &'static str,
    /// "Filtered: 20 of 181 events".
    pub filtered: fn(usize, usize) -> String,
    /// Releases in the first and the last year.
    pub releases_said: fn(YearReleases, YearReleases) -> String,
    /// The best open and the best closed model: (name, score) each.
    pub best_said: fn((&str, &str), (&str, &str)) -> String,
}

static TREND_ZH: TrendUi = TrendUi {
    heading: "开放与闭源：历年走势",
    releases: "每年的重要模型发布",
    scores: "矩阵中各模型的开放度评分（按发布日期）",
    open_weights: "开放权重",
    closed: "闭源",
    best_open: "开放模型最高分",
    best_closed: "闭源模型最高分",
    colon: "：",
    hint: "点击圆点即可选中该模型；下方表格列出全部数字。",
    data_tables: "图表数据（表格）",
    year: "年份",
    share_open: "开放占比",
    model: "模型",
    released: "发布日期",
    weights: "权重",
    score: "开放度评分",
    download: "下载图表",
    download_svg: "以 SVG 格式下载图表",
    download_png: "以 PNG 格式下载图表",
    download_hint: "当前所示的图表，附标题、图例、数据日期和来源",
    filtered: |shown, total| format!("已筛选：{total} 个事件中的 {shown} 个"),
    releases_said: |(a, ao, an), (b, bo, bn)| {
        format!("{a}：{an} 个重要模型发布中有 {ao} 个开放权重；{b}：{bn} 个中有 {bo} 个。")
    },
    best_said: |(o, os), (c, cs)| format!("开放度评分最高的开放模型是 {o}（{os}），闭源模型是 {c}（{cs}）。"),
};

static TREND_EN: TrendUi = TrendUi {
    heading: "Open versus closed over time",
    releases: "Notable model releases per year",
    scores: "Openness score of the models in the matrix, by release date",
    open_weights: "open weights",
    closed: "closed",
    best_open: "best open so far",
    best_closed: "best closed so far",
    colon: ":",
    hint: "Click a dot to select its model; the tables below give every figure.",
    data_tables: "The figures behind the chart (tables)",
    year: "Year",
    share_open: "Share with open weights",
    model: "Model",
    released: "Released",
    weights: "Weights",
    score: "Openness score",
    download: "Download the chart",
    download_svg: "Download the chart as SVG",
    download_png: "Download the chart as PNG",
    download_hint: "The chart as shown, with its title, legend, data date and sources",
    filtered: |shown, total| format!("Filtered: {shown} of {total} events"),
    releases_said: |(a, ao, an), (b, bo, bn)| {
        format!("In {a}, {ao} of {an} notable model releases had open weights; in {b}, {bo} of {bn}.")
    },
    best_said: |(o, os), (c, cs)| {
        format!("The most open model with open weights is {o} ({os}); the most open closed model is {c} ({cs}).")
    },
};

/// The trend chart's words in `lang`.
pub fn trend_ui(lang: Lang) -> &'static TrendUi {
    match lang {
        Lang::Zh => &TREND_ZH,
        Lang::En => &TREND_EN,
    }
}

/// The authoring page's words (`src/author/`), in one language.
#[derive(Debug)]
pub struct AuthorUi {
    pub title: &'static str,
    pub intro: &'static str,
    pub other_lang: &'static str,
    pub step_templates: &'static str,
    pub csv_template: &'static str,
    pub json_template: &'static str,
    pub schema: &'static str,
    pub step_data: &'static str,
    pub drop: &'static str,
    pub choose_file: &'static str,
    pub paste: &'static str,
    pub from_url: &'static str,
    pub load: &'static str,
    pub loading: &'static str,
    pub step_check: &'static str,
    pub empty: &'static str,
    /// "The data is valid: 12 events."
    pub valid: fn(usize) -> String,
    /// "3 problems found:"
    pub problems: fn(usize) -> String,
    /// "Go to line 3"
    pub go_to: fn(usize) -> String,
    pub step_preview: &'static str,
    pub step_embed: &'static str,
    pub data_url: &'static str,
    pub data_url_hint: &'static str,
    pub need_url: &'static str,
    pub need_valid: &'static str,
    pub language: &'static str,
    pub view: &'static str,
    pub views: [&'static str; 3],
    pub theme: &'static str,
    pub themes: [&'static str; 3],
    pub focus: &'static str,
    pub none: &'static str,
    pub height: &'static str,
}

static AUTHOR_ZH: AuthorUi = AuthorUi {
    title: "用自己的数据制作编年史",
    intro: "在这里检查你的数据集（JSON 或 CSV），预览效果，再取得嵌入代码。一切都在你的浏览器里完成，数据不会上传。",
    other_lang: "English",
    step_templates: "1. 从模板开始",
    csv_template: "CSV 模板（电子表格）",
    json_template: "JSON 模板",
    schema: "JSON Schema（数据格式说明）",
    step_data: "2. 你的数据",
    drop: "把 JSON 或 CSV 文件拖放到这里，或者",
    choose_file: "选择文件",
    paste: "也可以把数据粘贴到这里",
    from_url: "或者从网址载入",
    load: "载入",
    loading: "正在载入……",
    step_check: "3. 检查结果",
    empty: "还没有数据。",
    valid: |n| format!("数据有效：共 {n} 个事件。"),
    problems: |n| format!("发现 {n} 个问题："),
    go_to: |n| format!("跳到第 {n} 行"),
    step_preview: "4. 预览",
    step_embed: "5. 嵌入",
    data_url: "数据文件的公开网址（你托管它的地方）",
    data_url_hint: "嵌入代码让读者的浏览器从这个网址载入数据；托管它的网站须允许跨站读取（CORS）。",
    need_url: "先填写数据文件的网址，这里就会给出嵌入代码。",
    need_valid: "数据通过检查后，这里会给出嵌入代码。",
    language: "语言",
    view: "视图",
    views: ["时间线和矩阵", "只有时间线", "只有矩阵"],
    theme: "配色",
    themes: ["跟随系统", "浅色", "深色"],
    focus: "开始时选中",
    none: "（无）",
    height: "固定高度（像素，可留空）",
};

static AUTHOR_EN: AuthorUi = AuthorUi {
    title: "Make a chronicle of your own data",
    intro: "Check your dataset (JSON or CSV), preview it, then take the embed code. Everything happens in your browser: nothing is uploaded.",
    other_lang: "中文",
    step_templates: "1. Start from a template",
    csv_template: "CSV template (spreadsheet)",
    json_template: "JSON template",
    schema: "JSON Schema (the format)",
    step_data: "2. Your data",
    drop: "Drop a JSON or CSV file here, or",
    choose_file: "choose a file",
    paste: "Or paste it here",
    from_url: "Or load it from a URL",
    load: "Load",
    loading: "Loading…",
    step_check: "3. Check",
    empty: "No data yet.",
    valid: |n| format!("The data is valid: {n} events."),
    problems: |n| if n == 1 { "1 problem found:".to_owned() } else { format!("{n} problems found:") },
    go_to: |n| format!("Go to line {n}"),
    step_preview: "4. Preview",
    step_embed: "5. Embed",
    data_url: "Your data file's public URL (where you host it)",
    data_url_hint: "The embed code makes readers' browsers load the data from this URL; its host must allow cross-origin reads (CORS).",
    need_url: "Enter your data file's URL, and the embed code appears here.",
    need_valid: "Once the data passes the check, the embed code appears here.",
    language: "Language",
    view: "View",
    views: ["Timeline and matrices", "Timeline only", "Matrices only"],
    theme: "Colours",
    themes: ["Follow the system", "Light", "Dark"],
    focus: "Selected at start",
    none: "(none)",
    height: "Fixed height (pixels, optional)",
};

/// The authoring page's words in `lang`.
pub fn author_ui(lang: Lang) -> &'static AuthorUi {
    match lang {
        Lang::Zh => &AUTHOR_ZH,
        Lang::En => &AUTHOR_EN,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn url_beats_page_beats_browser() {
        assert_eq!(Lang::resolve(Some("zh"), Some("en"), &["en"]), Lang::Zh);
        assert_eq!(Lang::resolve(None, Some("en-US"), &["zh-CN"]), Lang::En);
        assert_eq!(Lang::resolve(Some("xx"), Some(""), &["de", "zh-TW"]), Lang::Zh);
        assert_eq!(Lang::resolve(None, None, &["en"]), Lang::En);
    }

    #[test]
    fn every_relation_and_basis_is_named_in_both_languages() {
        for r in Relation::ALL {
            assert_ne!(relation_name(r, Lang::Zh), relation_name(r, Lang::En), "{}", r.slug());
        }
        for b in Basis::ALL {
            assert_ne!(basis_name(b, Lang::Zh), basis_name(b, Lang::En), "{}", b.slug());
        }
    }

    #[test]
    fn languages_differ_in_every_ui_string() {
        // Cheap guard against a string left untranslated: the two tables must not share a value.
        let zh = format!("{:?}", ui(Lang::Zh));
        let en = format!("{:?}", ui(Lang::En));
        let values = |s: &str| s.split('"').skip(1).step_by(2).map(str::to_owned).collect::<Vec<_>>();
        for v in values(&zh) {
            assert!(!values(&en).contains(&v), "untranslated UI string {v:?}");
        }
    }
}
