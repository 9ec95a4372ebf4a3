// The dashboard's state lives in the URL hash, so a view can be shared by its address.

export const FILTERS = ["since", "until", "actor", "country", "type"];

/** The current state: {view, since, until, actor, country, type, ...} from location.hash. */
export function read() {
  const params = new URLSearchParams(location.hash.replace(/^#/, ""));
  const state = {};
  for (const [key, value] of params) if (value !== "") state[key] = value;
  state.view = state.view || "timeline";
  return state;
}

/** Change some keys (a null value removes one) and write the state back to the URL. */
export function update(changes) {
  const state = { ...read(), ...changes };
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(state)) {
    if (value !== null && value !== undefined && value !== "") params.set(key, value);
  }
  const hash = "#" + params.toString();
  if (hash !== location.hash) location.hash = hash;
}

/** The filters of `state` that the API takes, as a query string starting with "&" (or ""). */
export function filterQuery(state, keys = FILTERS) {
  const params = new URLSearchParams();
  for (const key of keys) if (state[key]) params.set(key, state[key]);
  const text = params.toString();
  return text ? "&" + text : "";
}
