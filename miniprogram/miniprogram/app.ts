// The app holds no state: the session lives in storage (utils/session) so every page can read it
// synchronously, including pages opened directly from a share card or a subpackage.
App({});
