/** The token pipeline lives in ./tokens; this name stays for the modules that import it. */
export { TokenService } from './tokens/token-service';
