import noLegacyRequestLibraries from '../rules/no-legacy-request-libraries.mjs';
import noOrmInUi from '../rules/no-orm-in-ui.mjs';
import noRouteImportingRoute from '../rules/no-route-importing-route.mjs';

/** The rules that need no options, in preset order. */
export const STATIC_RULES = [noLegacyRequestLibraries, noOrmInUi, noRouteImportingRoute];
