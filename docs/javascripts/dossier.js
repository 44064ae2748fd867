// The dossier's behaviour in the browser. Material's instant navigation swaps page content without
// a full load, so everything here runs on each page through Material's document$ observable.

// The History API that instant navigation uses does not update :target; mark the sentence named
// by the address's fragment ourselves.
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

// Tables of the register sort by a click on a column's header (tablesort, vendored).
function makeTablesSortable() {
  for (const table of document.querySelectorAll("article table:not([class])")) {
    if (!table.dataset.dossierSortable) {
      table.dataset.dossierSortable = "true"
      new Tablesort(table)
    }
  }
}

// A filter form narrows the table after it to the rows whose column, named by the select's
// data-dossier-filter, holds the chosen value.
function connectFilters() {
  for (const form of document.querySelectorAll("form[data-dossier-filters]")) {
    // Material wraps tables in scroll containers, so the table is not the form's sibling.
    const table = [...document.querySelectorAll("article table")].find(candidate =>
      form.compareDocumentPosition(candidate) & Node.DOCUMENT_POSITION_FOLLOWING)
    if (!table || form.dataset.dossierConnected) continue
    form.dataset.dossierConnected = "true"
    const headers = [...table.querySelectorAll("thead th")].map(th => th.textContent.trim())
    const selects = [...form.querySelectorAll("select[data-dossier-filter]")]
    const count = form.querySelector("[data-dossier-filter-count]")
    const apply = () => {
      let shown = 0
      const rows = table.querySelectorAll("tbody tr")
      for (const row of rows) {
        const visible = selects.every(select => {
          const column = headers.indexOf(select.dataset.dossierFilter)
          return !select.value || row.cells[column].textContent.trim() === select.value
        })
        row.hidden = !visible
        shown += visible ? 1 : 0
      }
      if (count) count.textContent = `${shown} of ${rows.length} questions shown`
    }
    form.addEventListener("change", apply)
    apply()
  }
}

function enhancePage() {
  markTargetedSentence()
  if (typeof Tablesort !== "undefined") makeTablesSortable()
  connectFilters()
}

// document$ announces pages that instant navigation loads; opened from file://, where instant
// navigation is off, it announces none, so the first page load is handled here too. Each step
// is safe to run twice.
document.addEventListener("DOMContentLoaded", enhancePage)
if (typeof document$ !== "undefined") {
  document$.subscribe(enhancePage)
}
window.addEventListener("hashchange", markTargetedSentence)
