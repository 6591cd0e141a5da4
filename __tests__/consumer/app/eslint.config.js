import zeroRecord from 'zero-record/eslint-plugin';

export default [...zeroRecord.configs.recommended];
