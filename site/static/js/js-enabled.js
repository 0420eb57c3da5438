// Loaded without defer in <head>: marks the page as scripted before it is drawn, so styles for the
// scripted layout apply from the first paint (no flash). A file rather than an inline script, for the CSP.
document.documentElement.classList.replace("no-js", "js");
