// Node-RED's settings for .ci/node-red.sh: headless (no editor, no admin API), HTTP endpoints of the flow only, on
// 127.0.0.1. The flow's credentials (the service's key) are the plain flow_cred.json the script writes beside the
// flow in the userDir, so no credential secret.
module.exports = {
    uiHost: '127.0.0.1',
    httpAdminRoot: false,
    httpNodeRoot: '/',
    credentialSecret: false,
    flowFile: 'flow.json',
    telemetry: { enabled: false },
    diagnostics: { enabled: false },
    runtimeState: { enabled: false },
    externalModules: { autoInstall: false, palette: { allowInstall: false }, modules: { allowInstall: false } },
    logging: { console: { level: 'info', metrics: false, audit: false } },
};
