// A module shaped like connector.ts (a default-exported definition) for loadConnector().
import { testConnector } from './test-connector';

export default testConnector;
