//! The timeline strip: axis, era bands, family lanes, lineage edges and event markers, drawn from
//! [`chronicle_core::layout::TimelineLayout`] as SVG (geometry as attributes, so a strict CSP holds).

use chronicle_core::i18n::{access_name, family_name, openness_marker, ui, Lang};
use chronicle_core::layout::{layout_timeline, text_width, LabelSide, Metrics, PlacedEvent};
use chronicle_core::model::{Evidence, Openness};
use chronicle_core::scale::TimeScale;
use chronicle_core::state::Action;
use chronicle_core::Chronicle;
use yew::prelude::*;

use crate::app::{use_store, Data};

/// Width used before the container is measured (and for server rendering).
pub const DEFAULT_WIDTH: f64 = 960.0;

#[derive(Properties, PartialEq)]
pub struct TimelineProps {
    pub data: Data,
    pub id_prefix: AttrValue,
}

/// The accessible name of an event button: its name first, then date, organisation and access.
pub fn event_label(c: &Chronicle, i: usize, lang: Lang) -> String {
    let e = &c.events()[i];
    let access = match e.access.openness() {
        Openness::NotApplicable => openness_marker(Openness::NotApplicable, lang).to_owned(),
        _ => access_name(e.access, lang).to_owned(),
    };
    format!("{}, {}, {}, {}", e.name.get(lang), c.date(i), e.org, access)
}

fn marker(openness: Openness, r: f64) -> Html {
    match openness {
        Openness::NotApplicable => {
            let d = format!("M0 {n} L{r} 0 L0 {r} L{n} 0 Z", n = -r, r = r);
            html! { <path class="llmc-marker llmc-marker-na" {d} /> }
        }
        Openness::Open => {
            html! { <circle class="llmc-marker llmc-marker-open" r={r.to_string()} /> }
        }
        Openness::Closed => {
            html! { <circle class="llmc-marker llmc-marker-closed" r={(r - 1.0).to_string()} /> }
        }
    }
}

#[function_component]
pub fn Timeline(props: &TimelineProps) -> Html {
    let store = use_store();
    let lang = store.lang;
    let t = ui(lang);
    let container = use_node_ref();
    let width = use_width(container.clone());
    let Ok(c) = &*props.data.0 else {
        return html! {};
    };

    let m = Metrics::default();
    let extent = c.extent();
    let scale = TimeScale::new(extent.0, extent.1, width);
    let layout = layout_timeline(c, &scale, lang, &m);
    let caption_id = format!("{}-timeline-caption", props.id_prefix);

    let axis = scale.ticks(70.0).into_iter().map(|tick| {
        let x = format!("{:.1}", tick.x);
        html! {
            <g class="llmc-tick" transform={format!("translate({x},0)")}>
                <line y1={(m.axis_height - 6.0).to_string()} y2={layout.height.to_string()} />
                <text y={(m.axis_height - 10.0).to_string()} text-anchor="middle">{ tick.label.format(lang) }</text>
            </g>
        }
    });

    let eras = layout.eras.iter().map(|band| {
        let era = &c.data.eras[band.index];
        let name = era.name.get(lang);
        // Keep the name inside the widget: anchor it at the band's right end when it would overflow.
        let (label_x, anchor) =
            if band.x0 + 6.0 + text_width(name, 12.0) > layout.width { (band.x1 - 6.0, "end") } else { (band.x0 + 6.0, "start") };
        html! {
            <g role="listitem" class="llmc-era" aria-label={era.name.get(lang).to_owned()}>
                <rect x={format!("{:.1}", band.x0)} y={band.y.to_string()} width={format!("{:.1}", (band.x1 - band.x0).max(1.0))} height={(m.era_height - 4.0).to_string()} rx="3" />
                <text x={format!("{:.1}", label_x)} text-anchor={anchor} y={(band.y + m.era_height / 2.0).to_string()} dy="0.1em">{ name }</text>
            </g>
        }
    });

    let edges = layout.edges.iter().map(|e| {
        let (x1, y1) = e.from;
        let (x2, y2) = e.to;
        let mx = (x1 + x2) / 2.0;
        let d = format!("M{x1:.1} {y1:.1} C{mx:.1} {y1:.1} {mx:.1} {y2:.1} {x2:.1} {y2:.1}");
        let class = match e.evidence {
            Evidence::Documented => "llmc-edge llmc-edge-documented",
            Evidence::Inferred => "llmc-edge llmc-edge-inferred",
        };
        html! { <path {class} {d} /> }
    });

    let event = |p: &PlacedEvent| {
        let e = &c.events()[p.index];
        let selected = store.selected.as_deref() == Some(e.id.as_str());
        let id = e.id.clone();
        let onclick = {
            let store = store.clone();
            let id = id.clone();
            Callback::from(move |_: MouseEvent| store.dispatch(Action::Select(id.clone())))
        };
        let onkeydown = {
            let store = store.clone();
            Callback::from(move |k: KeyboardEvent| {
                if k.key() == "Enter" || k.key() == " " {
                    k.prevent_default();
                    store.dispatch(Action::Select(id.clone()));
                }
            })
        };
        let class = classes!(
            "llmc-event",
            selected.then_some("llmc-selected"),
            p.label.is_none().then_some("llmc-label-hidden")
        );
        let label_x = m.marker_radius + m.gap;
        html! {
            <g role="listitem">
                <g role="button" tabindex="0" {class} data-event-id={e.id.clone()} aria-pressed={selected.to_string()}
                   aria-label={event_label(c, p.index, lang)} transform={format!("translate({:.1},{:.1})", p.x, p.y)} {onclick} {onkeydown}>
                    <circle class="llmc-focus-ring" r={(m.marker_radius + 4.0).to_string()} />
                    { marker(p.openness, m.marker_radius) }
                    if let Some(side) = p.label {
                        <text class="llmc-event-label" dy="0.35em"
                              x={if side == LabelSide::Right { label_x } else { -label_x }.to_string()}
                              text-anchor={if side == LabelSide::Right { "start" } else { "end" }}>{ e.name.get(lang) }</text>
                    }
                </g>
            </g>
        }
    };

    let lanes = layout.lanes.iter().map(|lane| {
        let name = family_name(lane.family, lang);
        let members = layout.events.iter().filter(|p| c.events()[p.index].family == lane.family);
        let clusters = layout.clusters.iter().filter(|k| k.y > lane.y && k.y < lane.y + lane.height).map(|k| {
            html! {
                <text class="llmc-cluster" aria-hidden="true" x={format!("{:.1}", k.x1 + m.marker_radius + m.gap)} y={k.y.to_string()} dy="0.35em">
                    { format!("+{}", k.members.len()) }
                </text>
            }
        });
        html! {
            <g class={classes!("llmc-lane", format!("llmc-lane-{}", lane.family.slug()))}>
                <rect class="llmc-lane-band" x="0" y={lane.y.to_string()} width={layout.width.to_string()} height={lane.height.to_string()} />
                <text class="llmc-lane-label" aria-hidden="true" x="4" y={(lane.y + 13.0).to_string()}>{ name }</text>
                <g role="list" aria-label={name}>
                    { for members.map(event) }
                </g>
                { for clusters }
            </g>
        }
    });

    html! {
        <figure class="llmc-timeline" aria-labelledby={caption_id.clone()}>
            <figcaption id={caption_id}>
                <span class="llmc-view-title">{ t.timeline_label }</span>
                <span class="llmc-hint">{ t.timeline_hint }</span>
            </figcaption>
            <div class="llmc-timeline-frame" ref={container}>
                <svg class="llmc-timeline-svg" width={layout.width.to_string()} height={layout.height.to_string()}
                     viewBox={format!("0 0 {} {}", layout.width, layout.height)}>
                    <g class="llmc-axis" aria-hidden="true">{ for axis }</g>
                    <g class="llmc-eras" role="list" aria-label={t.eras}>{ for eras }</g>
                    <g class="llmc-edges" aria-hidden="true">{ for edges }</g>
                    { for lanes }
                </svg>
            </div>
            <Legend />
        </figure>
    }
}

/// Explains the marker shapes and edge styles in words.
#[function_component]
fn Legend() -> Html {
    let lang = use_store().lang;
    let t = ui(lang);
    let (documented, inferred) = match lang {
        Lang::Zh => ("实线：有文献记载的传承", "虚线：推断的传承"),
        Lang::En => (
            "solid line: documented lineage",
            "dashed line: inferred lineage",
        ),
    };
    let item = |shape: Html, text: &'static str| {
        html! {
            <li>
                <svg class="llmc-legend-swatch" width="16" height="16" viewBox="-8 -8 16 16" aria-hidden="true">{ shape }</svg>
                { text }
            </li>
        }
    };
    html! {
        <ul class="llmc-legend">
            { item(marker(Openness::Open, 6.0), t.open_marker) }
            { item(marker(Openness::Closed, 6.0), t.closed_marker) }
            { item(marker(Openness::NotApplicable, 6.0), t.na_marker) }
            { item(html! { <path class="llmc-edge llmc-edge-documented" d="M-8 0 L8 0" /> }, documented) }
            { item(html! { <path class="llmc-edge llmc-edge-inferred" d="M-8 0 L8 0" /> }, inferred) }
        </ul>
    }
}

/// The rendered width of `node`, kept current by a `ResizeObserver`.
#[hook]
fn use_width(node: NodeRef) -> f64 {
    let width = use_state_eq(|| DEFAULT_WIDTH);
    #[cfg(target_arch = "wasm32")]
    {
        let width = width.clone();
        use_effect_with(node, move |node| {
            use wasm_bindgen::prelude::*;
            let measure = {
                let width = width.clone();
                move |el: &web_sys::Element| {
                    let w = f64::from(el.client_width());
                    if w > 0.0 {
                        width.set(w);
                    }
                }
            };
            let el = node.cast::<web_sys::Element>();
            let observer = el.as_ref().and_then(|el| {
                measure(el);
                let target = el.clone();
                let cb = Closure::<dyn FnMut()>::new(move || measure(&target));
                let obs = web_sys::ResizeObserver::new(cb.as_ref().unchecked_ref()).ok()?;
                obs.observe(el);
                Some((obs, cb))
            });
            move || {
                if let Some((obs, _cb)) = observer {
                    obs.disconnect();
                }
            }
        });
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = node;
    *width
}
