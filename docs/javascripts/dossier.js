// Material's instant navigation moves between pages with the History API, which does not update
// :target; mark the sentence named by the address's fragment ourselves on every page and hash change.
function markTargetedSentence() {
  for (const element of document.querySelectorAll(".dossier-sentence--targeted")) {
    element.classList.remove("dossier-sentence--targeted")
  }
  const id = decodeURIComponent(window.location.hash.slice(1))
  const target = id ? document.getElementById(id) : null
  if (target && target.classList.contains("dossier-sentence")) {
    target.classList.add("dossier-sentence--targeted")
  }
}

if (typeof document$ !== "undefined") {
  document$.subscribe(markTargetedSentence)
} else {
  document.addEventListener("DOMContentLoaded", markTargetedSentence)
}
window.addEventListener("hashchange", markTargetedSentence)
