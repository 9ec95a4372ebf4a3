// Reading the accord API. Every request goes to the server the page came from.

export class ApiError extends Error {}

const pending = new Map();

/** GET a path under /api and return its JSON; an ApiError carries the server's message.
 * Views asking for the same path at the same time share one request. */
export function get(path) {
  if (!pending.has(path)) pending.set(path, request(path).finally(() => pending.delete(path)));
  return pending.get(path);
}

async function request(path) {
  const response = await fetch("/api/" + path, { headers: { Accept: "application/json" } });
  let body = null;
  try {
    body = await response.json();
  } catch (err) {
    throw new ApiError(`${path}: the server answered ${response.status} without JSON`);
  }
  if (!response.ok) throw new ApiError(`${path}: ${body && body.error ? body.error : response.status}`);
  return body;
}

/** All items of a paged list endpoint (up to `cap`), following offset until total is reached. */
export async function all(path, cap = 5000) {
  const joiner = path.includes("?") ? "&" : "?";
  const items = [];
  let total = 0;
  do {
    const page = await get(`${path}${joiner}limit=1000&offset=${items.length}`);
    total = page.total;
    items.push(...page.items);
    if (!page.items.length) break;
  } while (items.length < total && items.length < cap);
  return { total, items };
}

/** The ids of the articles whose events match the filters in `query` (a Set), or null when nothing is filtered. */
export async function scope(query) {
  const found = await get(`dashboard/scope?${query}`);
  return found.filtered ? new Set(found.articles) : null;
}
