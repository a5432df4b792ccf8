// The intake page: renders the published intake Questionnaire with LHC-Forms, posts the
// QuestionnaireResponse to /advice/fhir and shows the advice in plain words. Every word shown for a
// contract value comes from intake/words.json (the library's PlainWords); nothing is fetched from
// anywhere but this service.
const state = { questionnaire: null, words: null, titles: new Map() };

const el = id => document.getElementById(id);
const esc = value => String(value).replace(/[&<>"']/g, c => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c]));
const word = (kind, code) => state.words[kind]?.[code]?.display ?? code;
const lower = text => text.length > 1 && text[0] === text[0].toUpperCase() && text[1] === text[1].toLowerCase() ? text[0].toLowerCase() + text.slice(1) : text;
const sentence = text => { const t = String(text).trim(); if (!t) return t; const s = t[0].toUpperCase() + t.slice(1); return /[.!?]$/.test(s) ? s : s + "."; };

function collectTitles(items) {
  for (const item of items ?? []) {
    state.titles.set(item.linkId, item.text ?? item.linkId);
    collectTitles(item.item);
  }
}

async function start() {
  const [questionnaire, words] = await Promise.all([
    fetch("fhir/Questionnaire").then(r => r.json()),
    fetch("intake/words.json").then(r => r.json()),
  ]);
  state.questionnaire = questionnaire;
  state.words = words;
  collectTitles(questionnaire.item);
  // The help text shows under each question, not behind a help button: staff read it without a
  // click or a popover (whose button names a popup that does not exist until it opens).
  await LForms.Util.addFormToPage(questionnaire, "intake-form", { prepopulate: false, fhirVersion: "R4", showCodingInstruction: true });
  keyboardInRadioGroups(el("intake-form"));
  el("loading").textContent = "";
  el("advise").disabled = false;
  el("advise").addEventListener("click", advise);
}

// LHC-Forms' radio buttons (ng-zorro) cancel the click the browser sends when an arrow key or Space
// chooses an answer, so the browser unchecks the button again while the form keeps it as the answer:
// what a screen reader announces then differs from what is sent. The keys are handled here as the
// radio group pattern asks (the arrows move to the next or previous answer and choose it, Space
// chooses the focused one), through the answer's label, the way a mouse click goes.
function keyboardInRadioGroups(form) {
  form.addEventListener("keydown", event => {
    const input = event.target;
    const step = { ArrowDown: 1, ArrowRight: 1, ArrowUp: -1, ArrowLeft: -1, " ": 0 }[event.key];
    if (step === undefined || !(input instanceof HTMLInputElement) || input.type !== "radio" || event.altKey || event.ctrlKey || event.metaKey) return;
    const group = [...form.querySelectorAll("input[type=radio]")].filter(r => r.name === input.name && !r.disabled);
    const next = group[(group.indexOf(input) + step + group.length) % group.length];
    event.preventDefault();
    next.focus();
    next.closest("label")?.click();
  });
}

function response() {
  const qr = LForms.Util.getFormFHIRData("QuestionnaireResponse", "R4", el("intake-form"));
  qr.questionnaire = `${state.questionnaire.url}|${state.questionnaire.version}`;
  qr.status = "completed";
  qr.authored = new Date().toISOString();
  return qr;
}

async function advise() {
  const button = el("advise");
  button.disabled = true;
  el("errors").innerHTML = "";
  try {
    const headers = { "Content-Type": "application/fhir+json" };
    const key = el("api-key").value.trim();
    if (key) headers["X-Api-Key"] = key;
    const answer = await fetch("advice/fhir", { method: "POST", headers, body: JSON.stringify(response()) });
    const body = await answer.json();
    if (answer.ok) {
      show(body);
    } else {
      showErrors(answer.status, body);
    }
  } catch (error) {
    showErrors(0, { title: "The service could not be reached. Try again." });
  } finally {
    button.disabled = false;
  }
}

function showErrors(status, problem) {
  const items = (problem.errors ?? []).map(e => {
    const linkId = /linkId=([A-Za-z]+)/.exec(e.path)?.[1];
    const where = linkId ? state.titles.get(linkId) ?? linkId : e.path;
    return `<li><strong>${esc(where)}</strong>: ${esc(e.message)}</li>`;
  }).join("");
  const hint = status === 401 || status === 403 ? "<p>This service needs an API key: open <em>Service access</em> and enter it.</p>" : "";
  el("errors").innerHTML = `<p id="error-title">${esc(problem.title ?? "The advice could not be given.")}</p>${hint}<ul>${items}</ul>`;
  el("errors").focus();
}

function banner(advice) {
  const referral = advice.referral;
  if (referral && (referral.urgency === "emergency" || referral.urgency === "urgent")) {
    const kind = referral.urgency === "emergency" ? "banner-emergency" : "banner-urgent";
    return `<div id="banner" class="banner ${kind}" role="alert"><h2>${esc(word("urgency", referral.urgency))}</h2>
      <ul>${referral.reasons.map(r => `<li>${esc(sentence(r))}</li>`).join("")}</ul>
      <p><strong>No massage until a doctor has seen the patient.</strong></p></div>`;
  }
  const kind = advice.status === "recommended" ? "banner-recommended" : advice.status === "clearanceNeeded" ? "banner-clearance" : "banner-urgent";
  const routine = referral ? `<p>${esc(word("urgency", referral.urgency))}: ${referral.reasons.map(r => esc(sentence(r))).join(" ")}</p>` : "";
  return `<div id="banner" class="banner ${kind}"><h2>${esc(word("status", advice.status))}</h2>
    <p>${esc(state.words.status[advice.status].definition)}</p>${routine}</div>`;
}

function styles(advice) {
  if (!advice.styles.length) return "";
  const rows = advice.styles.map(s => `<tr><td>${s.rank}</td><th scope="row">${esc(word("style", s.style))}</th>
    <td>${esc(word("pressure", s.pressure))}</td><td>${s.focusAreas.map(a => esc(word("focusArea", a))).join(", ")}</td>
    <td>${esc(sentence(s.rationale))}</td></tr>`).join("");
  return `<h2>Suitable massage, best first</h2><table id="styles"><caption>The massage styles that suit, with pressure and where to work</caption>
    <thead><tr><th scope="col">Rank</th><th scope="col">Massage</th><th scope="col">Pressure</th><th scope="col">Focus on</th><th scope="col">Why</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function avoid(advice) {
  if (!advice.contraindications.length) return "";
  const items = advice.contraindications.map(c => `<li><strong>${esc(word("style", c.style))}</strong>:
    <span class="${c.level}">${esc(lower(word("level", c.level)))}</span>. ${esc(sentence(c.reason))}</li>`).join("");
  return `<h2>What to avoid, and why</h2><ul id="avoid">${items}</ul>`;
}

function plan(advice) {
  if (!advice.plan) return "";
  const rows = advice.plan.phases.map(p => {
    const now = p.phase === advice.plan.currentPhase;
    const sessions = p.minSessions === p.maxSessions ? `${p.minSessions}` : `${p.minSessions} to ${p.maxSessions}`;
    const every = p.periodWeeks === 1 ? "every week" : `every ${p.periodWeeks} weeks`;
    const length = p.maxWeeks == null ? "ongoing" : `${p.minWeeks} to ${p.maxWeeks} weeks`;
    return `<tr class="${now ? "now" : ""}"><th scope="row">${esc(word("phase", p.phase))}${now ? '<span class="tag">Now</span>' : ""}</th>
      <td>${sessions} ${p.maxSessions === 1 ? "session" : "sessions"} ${every}</td><td>${length}</td><td>${esc(sentence(p.goal))}</td></tr>`;
  }).join("");
  return `<h2>The session plan</h2><table id="plan"><caption>The phases of the plan, one after the other; the current one is marked Now</caption>
    <thead><tr><th scope="col">Phase</th><th scope="col">How often</th><th scope="col">For how long</th><th scope="col">Goal</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function notes(advice) {
  const items = [
    ...advice.adjuncts.map(a => `${word("therapy", a.therapy)}: ${sentence(a.reason)}`),
    ...advice.notes.map(sentence),
  ];
  return items.length ? `<h2>Good to know</h2><ul id="notes">${items.map(n => `<li>${esc(n)}</li>`).join("")}</ul>` : "";
}

function show(advice) {
  const result = el("result");
  result.innerHTML = `<h1 class="handout-only">Your massage advice for sciatica</h1>
    <p class="handout-only">Made on ${esc(new Date().toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric" }))}. Bring this page to your massage therapist.</p>
    ${banner(advice)}${styles(advice)}${avoid(advice)}${plan(advice)}${notes(advice)}
    <p class="small">Advice from the rule set ${esc(advice.ruleSet.name)} ${esc(advice.ruleSet.version)}. <a class="staff-only" href="about">How this advice is made</a></p>
    <div class="actions"><button id="print" type="button">Print the patient's handout</button>
    <button id="again" type="button" class="secondary">Back to the form</button></div>`;
  el("print").addEventListener("click", () => window.print());
  // Back to the form moves the focus there too, so keyboard users land on it and not past the advice.
  el("again").addEventListener("click", () => { el("form-title").focus(); el("form-title").scrollIntoView(); });
  result.focus();
}

start().catch(() => {
  el("loading").textContent = "The form could not be loaded. Reload the page; if it stays, tell the clinic's IT.";
});
