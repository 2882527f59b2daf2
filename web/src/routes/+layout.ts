// The app renders in the browser only. Everything on screen is live (sockets, IndexedDB,
// localStorage identity), and a server-side render would have to fetch /api through
// PUBLIC_ORIGIN, looping back through whatever proxy sits in front. adapter-node still serves
// the shell and assets for every page path.
export const ssr = false;
